using GlanceBake.Core.Parameters;
using GlanceBake.Core.Rendering;

namespace GlanceBake.Core.Seed;

/// <summary>
/// The render stage: validated parameters to a <see cref="SeedBundle"/>. Deterministic: the same parameters,
/// image and timestamp give the same bytes.
/// </summary>
public static class SeedBaker
{
    /// <summary>The build time used when SOURCE_DATE_EPOCH is not set: 2017-09-10T00:00:00Z, the guide's date.</summary>
    public static DateTimeOffset DefaultTimestamp { get; } = new(2017, 9, 10, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Starts the input-independent start-up work of a bake on a thread-pool thread, so it runs on a second core
    /// while the caller loads the parameter file: loading OpenSSL for SHA-256 (dlopen of libcrypto and binding its
    /// functions, about 2 ms of a 20 ms bake) and parsing every template (<see cref="TemplateSet.Get"/> parses each
    /// once per process, whoever asks first). Returns at once; a failure there shows again where the bake needs it.
    /// </summary>
    public static void Prewarm() => _ = Task.Run(() =>
    {
        System.Security.Cryptography.SHA256.HashData(ReadOnlySpan<byte>.Empty);
        foreach (var path in TemplateSet.Embedded.Paths.Where(p => p.StartsWith("rootfs/", StringComparison.Ordinal)))
        {
            TemplateSet.Embedded.Get(path);
        }
    });

    /// <summary>Renders every output file.</summary>
    /// <param name="p">Validated parameters.</param>
    /// <param name="timestamp">Build time for the ISO's date fields.</param>
    /// <param name="reveal">Write real secret values into the review tree (<see cref="ReviewTree"/>) instead of placeholders.</param>
    /// <param name="stagingRoot">A bundle folder being written (<see cref="BundleWriter.Write(string, Func{string, SeedBundle}, OutputFolderLock)"/>):
    /// the user's image is hashed while it is copied to its <c>cidata/</c> place there, so it is read once. Null:
    /// the image is only hashed (a render in memory, such as <c>bake --check</c>).</param>
    /// <exception cref="IOException">The verification image file cannot be read.</exception>
    public static SeedBundle Bake(BakeParameters p, DateTimeOffset timestamp, bool reveal = false, string? stagingRoot = null)
    {
        var format = p.Verification.DiskFormat;
        var image = p.Verification.ImageFile is not { } file ? SeedImage.Generated(format)
            : stagingRoot is null ? SeedImage.FromFile(file, format)
            : SeedImage.CopyFromFile(file, format,
                Path.Combine(stagingRoot, "cidata", "glancebake", VerificationImage.FileName(format)));
        // The review tree does not depend on the seed's bytes (only its meta-data needs the instance-id, derived from
        // user-data): it renders on a second thread while the seed renders, so the two overlap on a 2-core machine.
        var review = Task.Run(() => ReviewTree.RenderAllButMetaData(p, image, reveal));
        var rootfs = RootfsRenderer.Render(p, image);
        var userData = CloudConfig.Build(p, rootfs);
        var networkConfig = p.Controller.Network is { } n ? NetworkConfig.Build(n) : null;

        var parts = new List<(string Name, byte[] Content)> { ("user-data", userData) };
        if (networkConfig is not null)
        {
            parts.Add(("network-config", networkConfig));
        }

        parts.Add((image.SeedPath, System.Text.Encoding.ASCII.GetBytes(image.Sha256)));
        var instanceId = p.Controller.InstanceId ?? MetaData.DeriveInstanceId(parts);

        var cidata = new List<(string, byte[])>
        {
            ("meta-data", MetaData.Build(instanceId, p.Controller.Hostname)),
        };
        if (networkConfig is not null)
        {
            cidata.Add(("network-config", networkConfig));
        }

        cidata.Add(("user-data", userData));
        return new SeedBundle(instanceId, cidata, rootfs, image, timestamp)
        {
            Review = ReviewTree.WithMetaData(review.GetAwaiter().GetResult(), p, reveal, instanceId),
        };
    }
}

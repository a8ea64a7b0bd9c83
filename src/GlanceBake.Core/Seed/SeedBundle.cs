using GlanceBake.Core.Rendering;

namespace GlanceBake.Core.Seed;

/// <summary>
/// Everything one bake produces, in memory: the NoCloud files (the ISO's root), the rootfs files user-data
/// writes, the review tree, and the verification image. Pure data; <see cref="BundleWriter"/> puts it on disk.
/// </summary>
/// <param name="InstanceId">meta-data's instance-id.</param>
/// <param name="Cidata">NoCloud files by name (<c>user-data</c>, <c>meta-data</c>, <c>network-config</c>), sorted.</param>
/// <param name="Rootfs">Files user-data writes, sorted by target path.</param>
/// <param name="Image">The verification image, carried at <see cref="SeedImage.SeedPath"/>.</param>
/// <param name="Timestamp">The single build time (SOURCE_DATE_EPOCH or the fixed default), for the ISO's dates.</param>
public sealed record SeedBundle(
    string InstanceId,
    IReadOnlyList<(string Name, byte[] Content)> Cidata,
    IReadOnlyList<RenderedFile> Rootfs,
    SeedImage Image,
    DateTimeOffset Timestamp)
{
    /// <summary>The review tree (<see cref="ReviewTree"/>): what <see cref="BundleWriter"/> writes under <c>review/</c>.</summary>
    public IReadOnlyList<ReviewFile> Review { get; init; } = [];
}

using System.Text;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Rendering;

namespace GlanceBake.Core.Seed;

/// <summary>One file of the review tree.</summary>
/// <param name="Path">Relative to <c>review/</c>: <c>user-data</c>, <c>meta-data</c>, <c>network-config</c>, <c>rootfs/etc/...</c>.</param>
/// <param name="Content">The bytes.</param>
/// <param name="Mode">Unix mode of the review copy (the target's mode, owner-readable).</param>
public sealed record ReviewFile(string Path, byte[] Content, int Mode);

/// <summary>
/// <c>out/review/</c>: the NoCloud files and every file user-data writes (under <c>rootfs/</c>), rendered through the
/// same templates and filters as the seed but with every secret replaced by a stable placeholder naming its field,
/// <c>&lt;secret:glance.password&gt;</c>. The tree depends on no secret value, so it can be committed, reviewed in
/// pull requests and compared in CI (<c>bake --check</c>, <c>diff</c>).
/// </summary>
/// <remarks>
/// Each secret is first replaced by a token of letters and digits only, which every escaping filter (URL userinfo,
/// INI <c>$$</c>, SQL, shell, systemd, MariaDB option file, YAML) passes through unchanged; after rendering, each
/// token is replaced by its readable placeholder. A derived instance-id (a hash over the seed, secrets included) is
/// shown as <see cref="DerivedInstanceId"/>; a pinned one as written.
/// </remarks>
public static class ReviewTree
{
    /// <summary>What review/meta-data shows for an instance-id derived from the seed's content.</summary>
    public const string DerivedInstanceId = "<instance-id:derived-from-seed-content>";

    /// <summary>The readable placeholder of a secret field: <c>&lt;secret:FIELD&gt;</c>.</summary>
    public static string Placeholder(string field) => $"<secret:{field}>";

    /// <summary>The secret values of <paramref name="p"/> by field (absent ones left out).</summary>
    public static IReadOnlyList<(string Field, string Value)> Secrets(BakeParameters p) =>
    [
        .. new (string, string?)[]
        {
            ("database.password", p.Database.Password),
            ("database.admin.password", p.Database.Admin.Password),
            ("keystone.admin.password", p.Keystone.Admin.Password),
            ("glance.password", p.Glance.Password),
        }.Where(s => !string.IsNullOrEmpty(s.Item2)).Select(s => (s.Item1, s.Item2!)),
    ];

    /// <summary>
    /// Renders the review tree. With <paramref name="reveal"/> the real values stay (the caller warns).
    /// </summary>
    /// <param name="p">Validated parameters.</param>
    /// <param name="image">The verification image as on the seed.</param>
    /// <param name="reveal">Keep real secret values.</param>
    /// <param name="instanceId">The seed's instance-id (shown only when pinned, or with <paramref name="reveal"/>).</param>
    /// <returns>Files sorted by path.</returns>
    public static IReadOnlyList<ReviewFile> Render(BakeParameters p, SeedImage image, bool reveal, string instanceId) =>
        WithMetaData(RenderAllButMetaData(p, image, reveal), p, reveal, instanceId);

    /// <summary>
    /// Every review file but <c>meta-data</c>, the one that needs the seed's instance-id (derived from the seed's
    /// user-data): <see cref="SeedBaker.Bake"/> renders these on a second thread while it renders the seed.
    /// </summary>
    internal static List<ReviewFile> RenderAllButMetaData(BakeParameters p, SeedImage image, bool reveal)
    {
        var masked = reveal ? p : Mask(p, out _);
        var rootfs = RootfsRenderer.Render(masked, image);
        var files = new List<ReviewFile> { new("user-data", Unmask(CloudConfig.Build(masked, rootfs)), 0b110_000_000) };
        if (p.Controller.Network is { } n)
        {
            files.Add(new("network-config", NetworkConfig.Build(n), 0b110_000_000));
        }

        files.AddRange(rootfs.Select(f => new ReviewFile("rootfs" + f.Path, Unmask(f.Content), f.Mode | 0b110_000_000)));
        return files;
    }

    /// <summary>Adds <c>meta-data</c> to <paramref name="files"/> (<see cref="RenderAllButMetaData"/>); sorted by path.</summary>
    internal static IReadOnlyList<ReviewFile> WithMetaData(List<ReviewFile> files, BakeParameters p, bool reveal, string instanceId)
    {
        files.Add(new("meta-data", MetaData.Build(reveal || p.Controller.InstanceId is not null ? instanceId : DerivedInstanceId,
            p.Controller.Hostname), 0b110_000_000));
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    // Letters and digits only: no filter changes them. "Zq" + index keeps tokens apart and unlike real text.
    private static string Token(int index) => $"GlanceBakeSecretTokenZq{index}Zq";

    private static readonly string[] Fields =
        ["database.password", "database.admin.password", "keystone.admin.password", "glance.password"];

    private static BakeParameters Mask(BakeParameters p, out IReadOnlyList<string> tokens)
    {
        tokens = [.. Fields.Select((_, i) => Token(i))];
        return p with
        {
            Database = p.Database with
            {
                Password = p.Database.Password.Length > 0 ? Token(0) : "",
                Admin = p.Database.Admin with { Password = p.Database.Admin.Password is null ? null : Token(1) },
            },
            Keystone = p.Keystone with
            {
                Admin = p.Keystone.Admin with { Password = p.Keystone.Admin.Password.Length > 0 ? Token(2) : "" },
            },
            Glance = p.Glance with { Password = p.Glance.Password.Length > 0 ? Token(3) : "" },
        };
    }

    private static byte[] Unmask(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        for (var i = 0; i < Fields.Length; i++)
        {
            text = text.Replace(Token(i), Placeholder(Fields[i]), StringComparison.Ordinal);
        }

        return new UTF8Encoding(false).GetBytes(text);
    }
}

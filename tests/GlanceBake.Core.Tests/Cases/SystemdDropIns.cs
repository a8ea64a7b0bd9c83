namespace GlanceBake.Core.Tests.Cases;

/// <summary>The systemd units and drop-ins a bake writes.</summary>
internal static class SystemdDropIns
{
    public static IEnumerable<object[]> Targets => TestBake.Targets.Select(t => new object[] { t.Release, t.Distro });

    public static List<(string Path, string Text)> For(string release, string distro) =>
        [.. TestBake.Bake(TestBake.ForTarget(release, distro)).Rootfs
            .Where(f => f.Path.StartsWith("/etc/systemd/", StringComparison.Ordinal) || f.Path.StartsWith("/lib/systemd/", StringComparison.Ordinal))
            .Select(f => (f.Path, System.Text.Encoding.UTF8.GetString(f.Content)))];

    /// <summary>Values of a directive across the file, each split into words.</summary>
    public static List<string> Words(string text, string directive) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(directive + "=", StringComparison.Ordinal))
            .SelectMany(l => l[(directive.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))];
}

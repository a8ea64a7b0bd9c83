using GlanceBake.Core.Rendering;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>The rendered first-boot step scripts of a bake, by step name, with comment lines set apart.</summary>
internal static class StepScripts
{
    public const string StepsDir = "/usr/local/lib/glancebake/steps/";

    public static IReadOnlyDictionary<string, string> For(string release, string distro)
    {
        var p = TestBake.Load(TestBake.ForTarget(release, distro));
        var bundle = GlanceBake.Core.Seed.SeedBaker.Bake(p, GlanceBake.Core.Seed.SeedBaker.DefaultTimestamp);
        return OutputManifest.Steps(p.Target.Profile).ToDictionary(s => s, s => TestBake.Rootfs(bundle, $"{StepsDir}{s}.sh"));
    }

    /// <summary>Lines that are code: not blank, not comments (shellcheck directives are comments too).</summary>
    public static IEnumerable<(int Number, string Text)> CodeLines(string script) =>
        script.Split('\n').Select((l, i) => (i + 1, l)).Where(x => x.l.Trim().Length > 0 && !x.l.TrimStart().StartsWith('#'));
}

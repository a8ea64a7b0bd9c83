using System.Text.Json;
using GlanceBake.Core.Releases;
using GlanceBake.Core.Tests.Cases;
using GlanceBake.Core.Tests.Snapshots;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>
/// The Glance installed on this machine judges every section and option name in the generated INI files
/// (glance-api.conf, and glance-registry.conf where rendered): tests/readers/glance-config-check.py runs
/// oslo-config-validator with Glance's option namespaces and checks [keystone_authtoken] and the multi-store
/// backend sections against keystonemiddleware / keystoneauth1 and glance_store's store drivers. oslo.config
/// ignores a misspelt name silently, so only the real option definitions can catch one.
/// A file is judged only by the Glance of its own release (Debian 12: Glance 25 = zed); the other releases'
/// cases skip with "not available: installed Glance is ...".
/// </summary>
public sealed class GlanceOptionTests
{
    /// <summary>Theory rows: every shipped example (each snapshot scenario bakes the one of its name).</summary>
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            data.Add(name, InstalledGlance.Availability(Scenario.Load(name).Target.Release));
        }

        return data;
    }

    /// <summary>Theory rows: every supported release/distro pair with each store choice GlanceBake offers.</summary>
    public static TheoryData<string, string, string, string> StoreVariants()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (release, distro) in TestBake.Targets)
        {
            foreach (var stores in new[] { "file", "file,http" })
            {
                data.Add(release, distro, stores, InstalledGlance.Availability(release));
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public void Example_InstalledGlanceKnowsEverySectionAndOption(string name, string availability)
    {
        var shared = Scenario.Names.Contains(name);
        var baked = shared ? Scenario.Shared(name) : Scenario.BakeText(name, File.ReadAllText(Scenario.ParamsFile(name)));
        try
        {
            InstalledGlance.RequireRelease(baked.Parameters.Target.Release, availability);
            AssertKnown(baked.Bundle.Rootfs.Where(f => IsGlanceIni(f.TargetPath)).Select(f => baked.RootfsPath(f.Path)).ToList());
        }
        finally
        {
            if (!shared)
            {
                baked.Dispose();
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(StoreVariants))]
    public void StoreChoice_InstalledGlanceKnowsEverySectionAndOption(string release, string distro, string stores,
        string availability)
    {
        InstalledGlance.RequireRelease(release, availability);
        var bundle = TestBake.Bake(TestBake.ForTarget(release, distro,
            ("glance.stores", stores.Split(',')), ("glance.default_store", "file")));
        var dir = TestBake.WriteRootfs(bundle);
        // Staged files (Cloud Archive targets, cloud-init without defer) are checked where cloud-init writes them.
        var files = bundle.Rootfs.Where(f => IsGlanceIni(f.TargetPath))
            .Select(f => Path.Combine(dir, "rootfs" + f.Path)).ToList();
        // The choice reached the file: the store list (stores = ...) or the backend list (enabled_backends = ...)
        // names http exactly when it was chosen.
        var storeLine = File.ReadAllLines(files.Single(f => f.EndsWith("/glance-api.conf", StringComparison.Ordinal)))
            .Single(l => l.StartsWith("stores = ", StringComparison.Ordinal) || l.StartsWith("enabled_backends = ", StringComparison.Ordinal));
        Assert.Equal(stores.Contains("http", StringComparison.Ordinal), storeLine.Contains("http", StringComparison.Ordinal));

        AssertKnown(files);
    }

    /// <summary>A misspelt name planted into a generated glance-api.conf: the checker fails naming file, section, option.</summary>
    [SkippableTheory]
    [InlineData("authtoken-typo", "keystone_authtoken", "pasword")]
    [InlineData("unknown-section", "glance_stor", "default_store")]
    [InlineData("empty-unknown-section", "glance_stor", null)]
    [InlineData("fs-typo", "fs", "filesystem_store_datadri")]
    [InlineData("reserved-store-typo", "os_glance_tasks_store", "filesystem_store_datadri")]
    [InlineData("unknown-core-option", "database", "conection")]
    public void PlantedTypo_Checker_FailsNamingFileSectionAndOption(string plant, string section, string? option)
    {
        var (files, result) = Planted.Value;
        Assert.True(result.ExitCode == 1,
            $"checker exited {result.ExitCode} for the planted files\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}");
        var file = files[plant];
        var mine = result.StandardError.Split('\n').Where(l => l.StartsWith(file + ": ", StringComparison.Ordinal)).ToList();
        var findings = mine.Where(l => l.Contains(": unknown", StringComparison.Ordinal)).ToList();
        var expected = option is null ? $"{file}: [{section}]: unknown section" : $"{file}: [{section}] {option}: unknown";
        Assert.True(findings.Count == 1 && findings[0].StartsWith(expected, StringComparison.Ordinal),
            $"expected exactly one finding starting '{expected}', got:\n{string.Join("\n", mine)}");
        Assert.DoesNotContain($"{file}: ok", result.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>Control for the planted [fs] and reserved-store typos: correct names there pass, so those sections
    /// are judged by the store driver's options, not skipped.</summary>
    [SkippableFact]
    public void PlantedCorrectBackendSections_Checker_Passes()
    {
        var (files, result) = Planted.Value;
        var file = files["backend-sections-correct"];
        Assert.Contains($"{file}: ok", result.StandardOutput, StringComparison.Ordinal);
        var findings = result.StandardError.Split('\n')
            .Where(l => l.StartsWith(file + ": ", StringComparison.Ordinal) && !l.Contains("deprecated for removal", StringComparison.Ordinal));
        Assert.Empty(findings);
    }

    // Every plant in one checker run (it loads Glance's option definitions once per run, a few seconds).
    private static readonly Lazy<(Dictionary<string, string> Files, ToolResult Result)> Planted = new(() =>
    {
        string[] plants = ["authtoken-typo", "unknown-section", "empty-unknown-section", "fs-typo", "reserved-store-typo",
            "unknown-core-option", "backend-sections-correct"];
        var files = plants.ToDictionary(p => p, PlantedCopy);
        return (files, InstalledGlance.Check([.. files.Values]));
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static bool IsGlanceIni(string targetPath) =>
        targetPath.StartsWith("/etc/glance/", StringComparison.Ordinal) && targetPath.EndsWith(".conf", StringComparison.Ordinal);

    private static void AssertKnown(IReadOnlyList<string> files)
    {
        Assert.Contains(files, f => f.EndsWith("/etc/glance/glance-api.conf", StringComparison.Ordinal));
        var result = InstalledGlance.Check(files).ShouldSucceed("glance-config-check.py " + string.Join(" ", files));
        foreach (var file in files)
        {
            Assert.Contains($"{file}: ok", result.StandardOutput, StringComparison.Ordinal);
        }

        // A deprecated alias still works, but a freshly generated file has no reason to use one.
        Assert.DoesNotContain("deprecated name", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>
    /// The installed release's own bake of glance-api.conf with one plant appended or edited in, copied to a
    /// scratch folder; returns the copy's path.
    /// </summary>
    private static string PlantedCopy(string plant)
    {
        var release = InstalledGlance.RequireRelease(null, null);
        var distro = TestBake.Targets.Where(t => t.Release == release.Name).Select(t => t.Distro).FirstOrDefault();
        Skip.If(distro is null, $"not available: GlanceBake has no test target for the installed Glance's release {release.Name}");
        var conf = TestBake.Rootfs(TestBake.Bake(TestBake.ForTarget(release.Name, distro!)), "/etc/glance/glance-api.conf");
        const string Backends = "\n[DEFAULT]\nenabled_backends = fs:file\n\n[fs]\nfilesystem_store_datadir = /var/lib/glance/images/\n";
        var planted = plant switch
        {
            "authtoken-typo" => ReplaceOnce(conf, "\npassword = ", "\npasword = "),
            "unknown-section" => conf + "\n[glance_stor]\ndefault_store = file\n",
            "empty-unknown-section" => conf + "\n[glance_stor]\n",
            "fs-typo" => conf + Backends + "filesystem_store_datadri = /var/lib/glance/images/\n",
            "reserved-store-typo" => conf + Backends +
                "\n[os_glance_tasks_store]\nfilesystem_store_datadri = /var/lib/glance/tasks_work_dir\n",
            "unknown-core-option" => ReplaceOnce(conf, "\nconnection = ", "\nconection = "),
            "backend-sections-correct" => conf + Backends + "store_description = images on local disk\n" +
                "\n[os_glance_staging_store]\nfilesystem_store_datadir = /var/lib/glance/staging\n" +
                "\n[os_glance_tasks_store]\nfilesystem_store_datadir = /var/lib/glance/tasks_work_dir\n",
            _ => throw new ArgumentOutOfRangeException(nameof(plant), plant, null),
        };
        var path = Path.Combine(TestBake.NewTempDir(), plant, "glance-api.conf");
        TestBake.WriteText(Path.GetDirectoryName(path)!, "glance-api.conf", planted);
        return path;
    }

    private static string ReplaceOnce(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from.Trim()}' is not in the file exactly once");
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}

/// <summary>
/// The Glance installed on this machine, as tests/readers/glance-config-check.py --installed reports it, and its
/// release: the <see cref="ReleaseCatalog"/> release whose <see cref="OpenStackRelease.GlanceMajor"/> is the
/// installed major version (25.x = zed, 30.x = 2025.1).
/// </summary>
internal static class InstalledGlance
{
    /// <summary>tests/readers/glance-config-check.py.</summary>
    public static string Checker { get; } = Path.Combine(RepoPaths.Root, "tests", "readers", "glance-config-check.py");

    private static readonly Lazy<Info> Probe = new(Read, LazyThreadSafetyMode.ExecutionAndPublication);

    private sealed record Info(string? GlanceVersion, string? Validator, string? Generator, string? Error)
    {
        public OpenStackRelease? Release => GlanceVersion is null || !int.TryParse(GlanceVersion.Split('.')[0], out var major)
            ? null
            : ReleaseCatalog.Releases.FirstOrDefault(r => r.GlanceMajor == major);
    }

    /// <summary>Text for a theory row: whether the installed Glance can judge a file of <paramref name="release"/>.</summary>
    public static string Availability(string release)
    {
        var info = Probe.Value;
        if (info.GlanceVersion is null)
        {
            return "not available: no Glance installed (Debian package python3-glance)";
        }

        var installed = $"{info.GlanceVersion} ({info.Release?.Name ?? "a release GlanceBake does not know"})";
        return info.Release?.Name == release ? $"checked by the installed Glance {installed}" : $"not available: installed Glance is {installed}";
    }

    /// <summary>
    /// Skips (fails under CI) when the checker cannot run here; skips with "not available: installed Glance is X"
    /// when <paramref name="release"/> is not the installed Glance's release (null: any). Returns that release.
    /// </summary>
    public static OpenStackRelease RequireRelease(string? release, string? availability)
    {
        ExternalTool.Require(Python.Path, "python3");
        var info = Probe.Value;
        ExternalTool.RequireThat(info.GlanceVersion is not null,
            $"the installed Glance (Debian package python3-glance){(info.Error is null ? "" : ": " + info.Error)}");
        ExternalTool.RequireThat(info.Validator is not null && info.Generator is not null,
            "oslo-config-validator and oslo-config-generator (Debian package python3-oslo.config)");
        Assert.True(info.Release is not null, $"installed Glance {info.GlanceVersion} maps to no release in ReleaseCatalog");
        Skip.If(release is not null && release != info.Release!.Name,
            availability ?? $"not available: installed Glance is {info.GlanceVersion} ({info.Release!.Name})");
        return info.Release!;
    }

    /// <summary>Runs the checker on <paramref name="files"/>.</summary>
    public static ToolResult Check(IReadOnlyList<string> files)
    {
        RequireRelease(null, null);
        return ExternalTool.Run(Python.Path, [Checker, .. files], timeoutSeconds: 300);
    }

    private static Info Read()
    {
        if (ExternalTool.Find(Python.Path) is null || !File.Exists(Checker))
        {
            return new Info(null, null, null, $"{Python.Path} or {Checker} missing");
        }

        var result = ExternalTool.Run(Python.Path, [Checker, "--installed"]);
        if (result.ExitCode != 0)
        {
            return new Info(null, null, null, $"glance-config-check.py --installed exited {result.ExitCode}: {result.StandardError.Trim()}");
        }

        using var doc = JsonDocument.Parse(result.StandardOutput);
        var root = doc.RootElement;
        return new Info(root.GetProperty("glance").GetString(), root.GetProperty("validator").GetString(),
            root.GetProperty("generator").GetString(), null);
    }
}

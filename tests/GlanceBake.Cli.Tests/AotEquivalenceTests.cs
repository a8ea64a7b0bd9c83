using System.Diagnostics;
using System.Text.RegularExpressions;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>Publishes the Native AOT binary once (<c>dotnet publish -r linux-x64 -p:PublishAot=true</c>).</summary>
public sealed class AotPublishFixture
{
    /// <summary>The publish's console output.</summary>
    public string Log { get; }

    /// <summary>The publish's exit code.</summary>
    public int ExitCode { get; }

    /// <summary>The native binary.</summary>
    public string Binary { get; }

    /// <summary>Skips the test (fails it under CI) when the toolchain is missing; fails it when the publish failed.</summary>
    public void RequirePublished()
    {
        ExternalTool.RequireThat(Missing is null, Missing ?? "");
        Assert.True(ExitCode == 0, Log);
    }

    /// <summary>What the Native AOT toolchain lacks on this machine (the linker, clang; zlib1g-dev's libz.so), or null.</summary>
    public static string? Missing { get; } =
        ExternalTool.Find("clang") is null ? "clang (Debian package clang), the linker Native AOT uses"
        : !File.Exists("/usr/lib/x86_64-linux-gnu/libz.so") ? "libz.so (Debian package zlib1g-dev), which Native AOT links"
        : null;

    public AotPublishFixture()
    {
        if (Missing is not null)
        {
            Log = $"not published: needs {Missing}";
            ExitCode = -1;
            Binary = "";
            return;
        }

        var output = TestTemp.NewDir("aot");
        var watch = Stopwatch.StartNew();
        var r = ExternalTool.Run("dotnet",
            ["publish", Path.Combine(RepoPaths.Root, "src", "GlanceBake.Cli"), "-r", "linux-x64", "-p:PublishAot=true",
                "-o", output, "-nologo"],
            RepoPaths.Root, timeoutSeconds: 1800);
        Log = r.StandardOutput + r.StandardError + $"\n(publish took {watch.Elapsed.TotalSeconds:F0} s)";
        ExitCode = r.ExitCode;
        Binary = Path.Combine(output, "glancebake");
    }
}

/// <summary>
/// Issue 10: the Native AOT binary builds with no trim or AOT warning (the build treats warnings as errors; this also
/// counts them) and answers byte for byte as the framework-dependent CLI (<c>dotnet glancebake.dll</c>, as
/// <c>dotnet run</c> runs it) on every scenario and example: the whole output tree of bake (file names, modes,
/// bytes, seed.iso included), stdout, stderr and exit codes, and the other verbs. Publishing takes minutes: Heavy,
/// and its own CI stage (Category=Aot).
/// </summary>
[Trait("Category", "Heavy")]
[Trait("Category", "Aot")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AotEquivalenceTests(AotPublishFixture aot) : IClassFixture<AotPublishFixture>
{
    private static readonly Dictionary<string, string> Env = new() { ["SOURCE_DATE_EPOCH"] = "1700000000" };

    /// <summary>Every parameter file bake is tested with: tests/scenarios/*/params.yaml and examples/*.yaml.</summary>
    public static TheoryData<string> ParameterFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "scenarios"), "params.yaml", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "*.yaml")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, f));
        }

        return data;
    }

    [SkippableFact]
    public void Publish_HasNoTrimOrAotWarning()
    {
        aot.RequirePublished();
        var warnings = Regex.Matches(aot.Log, @"warning (IL\d{4}|CS\d{4})").Select(m => m.Value).ToList();
        Assert.True(warnings.Count == 0, aot.Log);
        Assert.True(File.Exists(aot.Binary), aot.Log);
    }

    [SkippableTheory]
    [MemberData(nameof(ParameterFiles))]
    public void Bake_SameTreeAsFrameworkDependent(string parameters)
    {
        aot.RequirePublished();
        var full = Path.Combine(RepoPaths.Root, parameters);
        var (jit, jitDir) = RunBoth(false, "bake", full, "-o", "out");
        var (native, nativeDir) = RunBoth(true, "bake", full, "-o", "out");
        Assert.Equal(jit, native);
        Assert.True(jit.ExitCode == 0, jit.StandardError);
        AssertSameTree(Path.Combine(jitDir, "out"), Path.Combine(nativeDir, "out"));

        foreach (var verb in new[] { "validate", "lint" })
        {
            Assert.Equal(RunBoth(false, verb, full).Result, RunBoth(true, verb, full).Result);
        }

        var iso = Path.Combine(jitDir, "out", "seed.iso");
        Assert.Equal(RunBoth(false, "inspect", iso).Result, RunBoth(true, "inspect", iso).Result);
        Assert.Equal(RunBoth(false, "bake", full, "--check", Path.Combine(jitDir, "out")).Result,
            RunBoth(true, "bake", full, "--check", Path.Combine(jitDir, "out")).Result);
    }

    [SkippableTheory]
    [InlineData("targets")]
    [InlineData("schema")]
    [InlineData("--help")]
    [InlineData("bake", "--help")]
    [InlineData("--version")]
    [InlineData("nope")]
    [InlineData("bake", "--nope")]
    [InlineData("init", "starter.yaml")]
    public void OtherVerbs_SameAnswer(params string[] args)
    {
        aot.RequirePublished();
        var (jit, jitDir) = RunBoth(false, args);
        var (native, nativeDir) = RunBoth(true, args);
        Assert.Equal(jit, native);
        AssertSameTree(jitDir, nativeDir);
    }

    [SkippableFact]
    public void Bake_InputErrorWhileThePrewarmRuns_ExitsOneEveryTime()
    {
        // bake starts loading OpenSSL and parsing templates on a second thread (SeedBaker.Prewarm) and an input error
        // ends the process a millisecond or two later, while that thread may still be inside OpenSSL's start-up: the
        // exit must stay a clean exit 1, never a crash.
        aot.RequirePublished();
        var dir = TestTemp.NewDir("aot-early-exit");
        File.WriteAllText(Path.Combine(dir, "bad.yaml"), "target:\n  release: zed\n  distro: debian-12\nbogus: [\n");
        var codes = Enumerable.Range(0, 100)
            .Select(_ => ExternalTool.Run(aot.Binary, ["bake", "bad.yaml", "-o", "out"], dir, environment: Env).ExitCode)
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [1] = 100 }, codes);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    /// <summary>Runs one side in a fresh folder; returns what it printed and the folder.</summary>
    private (ToolResult Result, string Dir) RunBoth(bool native, params string[] args)
    {
        var dir = TestTemp.NewDir(native ? "aot-run" : "jit-run");
        var dll = Path.Combine(AppContext.BaseDirectory, "glancebake.dll");
        var r = native
            ? ExternalTool.Run(aot.Binary, args, dir, environment: Env)
            : ExternalTool.Run("dotnet", [dll, .. args], dir, environment: Env);
        return (r, dir);
    }

    private static void AssertSameTree(string expected, string actual)
    {
        static List<string> List(string root) => [.. Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p)).Order(StringComparer.Ordinal)];

        var names = List(expected);
        Assert.Equal(names, List(actual));
        foreach (var name in names)
        {
            var a = Path.Combine(expected, name);
            var b = Path.Combine(actual, name);
            Assert.Equal(File.GetUnixFileMode(a), File.GetUnixFileMode(b));
            if (File.Exists(a))
            {
                Assert.True(File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)), $"{name} differs");
            }
        }
    }
}

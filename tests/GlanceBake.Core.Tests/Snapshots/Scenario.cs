using GlanceBake.Core.Parameters;
using GlanceBake.Core.Seed;
using Xunit;

namespace GlanceBake.Core.Tests.Snapshots;

/// <summary>
/// The scenario folders under <c>tests/scenarios/</c>: each bakes one parameter file in-process (load, bake with
/// <see cref="SeedBaker.DefaultTimestamp"/>, write) into a temporary folder. A scenario bakes its own
/// <c>tests/scenarios/NAME/params.yaml</c> when it has one (the release matrix), else the shipped example of the same
/// name, <c>examples/NAME.yaml</c>, so every shipped example is baked and checked.
/// </summary>
public static class Scenario
{
    /// <summary>Every scenario folder name.</summary>
    public static readonly string[] Names =
    [
        .. Directory.GetFiles(Path.Combine(GlanceBake.Testing.RepoPaths.Root, "examples"), "*.yaml")
            .Select(f => Path.GetFileName(f)[..^".yaml".Length])
            .Concat(Directory.GetDirectories(Path.Combine(GlanceBake.Testing.RepoPaths.Root, "tests", "scenarios"))
                .Where(d => File.Exists(Path.Combine(d, "params.yaml")))
                .Select(Path.GetFileName)
                .OfType<string>())
            .Order(StringComparer.Ordinal),
    ];

    private static readonly Dictionary<string, Lazy<BakedScenario>> SharedBakes = Names.ToDictionary(
        n => n, n => new Lazy<BakedScenario>(() => Bake(n), LazyThreadSafetyMode.ExecutionAndPublication));

    /// <summary>Theory data: one row per scenario name.</summary>
    public static TheoryData<string> All => [.. Names];

    /// <summary>The repository root: the nearest folder above the test assembly that holds GlanceBake.sln.</summary>
    public static string RepoRoot => GlanceBake.Testing.RepoPaths.Root;

    /// <summary>tests/scenarios/NAME.</summary>
    public static string Folder(string name) => Path.Combine(RepoRoot, "tests", "scenarios", name);

    /// <summary>The parameter file a scenario bakes.</summary>
    public static string ParamsFile(string name) =>
        File.Exists(Path.Combine(Folder(name), "params.yaml")) ? Path.Combine(Folder(name), "params.yaml")
            : Path.Combine(RepoRoot, "examples", $"{name}.yaml");

    /// <summary>
    /// Output files whose bytes are not kept in expected/ (the ISO and the verification image); SHA256SUMS,
    /// which is kept, pins them.
    /// </summary>
    public static bool IsBinary(string relativePath) =>
        relativePath == "seed.iso" || relativePath.StartsWith("cidata/glancebake/", StringComparison.Ordinal);

    /// <summary>Loads a scenario's parameters, failing the test with every diagnostic when they do not load.</summary>
    public static BakeParameters Load(string name)
    {
        var result = ParameterLoader.LoadFile(ParamsFile(name));
        Assert.True(result.Succeeded,
            $"{ParamsFile(name)} does not load:\n{string.Join("\n", result.Diagnostics.Select(d => d.ToString()))}");
        return result.Parameters!;
    }

    /// <summary>Bakes a scenario into a new temporary folder, which the caller disposes.</summary>
    public static BakedScenario Bake(string name) => Bake(name, Load(name));

    /// <summary>Bakes parameter text (a variant of a scenario) into a new temporary folder.</summary>
    /// <param name="label">Names the temporary folder.</param>
    /// <param name="yaml">Parameter file text.</param>
    public static BakedScenario BakeText(string label, string yaml)
    {
        var result = ParameterLoader.Load(yaml, label + ".yaml", Path.GetTempPath());
        Assert.True(result.Succeeded,
            $"{label} does not load:\n{string.Join("\n", result.Diagnostics.Select(d => d.ToString()))}");
        return Bake(label, result.Parameters!);
    }

    private static BakedScenario Bake(string name, BakeParameters p)
    {
        var bundle = SeedBaker.Bake(p, SeedBaker.DefaultTimestamp);
        var temp = GlanceBake.Testing.TestTemp.NewDir(name);
        var output = Path.Combine(temp, "out");
        BundleWriter.Write(bundle, output);
        return new BakedScenario(name, p, bundle, temp, output);
    }

    /// <summary>
    /// One bake per scenario shared by the reader tests of this run (they only read it); removed at process exit.
    /// </summary>
    public static BakedScenario Shared(string name) => SharedBakes[name].Value;

    static Scenario()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var lazy in SharedBakes.Values.Where(l => l.IsValueCreated))
            {
                lazy.Value.Dispose();
            }
        };
    }
}

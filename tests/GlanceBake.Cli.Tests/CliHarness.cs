using GlanceBake.Cli;

namespace GlanceBake.Cli.Tests;

/// <summary>Runs <see cref="GlanceBakeApp.Run"/> in-process with captured streams and a given environment.</summary>
internal static class CliHarness
{
    /// <summary>The repository root (the folder holding GlanceBake.sln).</summary>
    public static string RepoRoot { get; } = GlanceBake.Testing.RepoPaths.Root;

    /// <summary>The shipped example parameter file.</summary>
    public static string Example => Path.Combine(RepoRoot, "examples", "controller.yaml");

    /// <summary>Runs the CLI; <paramref name="env"/> is the whole environment it sees (null: empty).</summary>
    public static Outcome Run(IDictionary<string, string>? env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = GlanceBakeApp.Run(args, stdout, stderr, name => env is not null && env.TryGetValue(name, out var v) ? v : null);
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the CLI with an empty environment.</summary>
    public static Outcome Run(params string[] args) => Run(null, args);

    /// <summary>A fresh, empty temporary folder.</summary>
    public static string NewTempDir()
    {
        return GlanceBake.Testing.TestTemp.NewDir("cli");
    }
}

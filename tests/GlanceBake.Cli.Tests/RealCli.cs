using System.Diagnostics;
using System.Security.Cryptography;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// The real <c>glancebake</c> as a separate process (<c>dotnet glancebake.dll</c> from the test's output folder), for
/// what an in-process run cannot show: a SIGKILL, and two processes at once.
/// </summary>
internal sealed class RealCli : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private RealCli(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <c>glancebake ARGS</c> without SOURCE_DATE_EPOCH in its environment.</summary>
    public static RealCli Start(params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "glancebake.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("SOURCE_DATE_EPOCH");
        return new RealCli(Process.Start(start) ?? throw new InvalidOperationException("cannot start glancebake"));
    }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL (<see cref="Process.Kill()"/> on Linux): no handler, no cleanup, no finally block runs.</summary>
    public void KillHard() => _process.Kill();

    /// <summary>Waits for the end (at most <paramref name="limit"/>, a bound against a hung run, not a speed check).</summary>
    public async Task<Outcome> WaitAsync(TimeSpan limit)
    {
        await _process.WaitForExitAsync().WaitAsync(limit);
        return new Outcome(_process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    /// <summary>Relative path to SHA-256 of every file below <paramref name="root"/>.</summary>
    public static SortedDictionary<string, string> Snapshot(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f),
            f =>
            {
                using var s = File.OpenRead(f);
                return Convert.ToHexStringLower(SHA256.HashData(s));
            }), StringComparer.Ordinal);

    /// <summary>The names in <paramref name="dir"/>, sorted.</summary>
    public static string[] Entries(string dir) =>
        [.. Directory.EnumerateFileSystemEntries(dir).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Asserts that <paramref name="output"/> is one complete bake: SHA256SUMS lists every other file, and each
    /// file's hash is the one listed (what <c>sha256sum -c SHA256SUMS</c> checks, plus nothing unlisted).
    /// </summary>
    public static void AssertCompleteBake(string output)
    {
        var actual = Snapshot(output);
        var listed = File.ReadAllLines(Path.Combine(output, "SHA256SUMS"))
            .Select(l => l.Split("  ", 2))
            .ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);
        actual.Remove("SHA256SUMS");
        Xunit.Assert.Equal(new SortedDictionary<string, string>(listed, StringComparer.Ordinal), actual);
    }
}

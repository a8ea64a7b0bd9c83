using System.Diagnostics;
using Xunit;

namespace GlanceBake.Testing;

/// <summary>
/// Finds and runs the real Debian tools that tests use as readers (xorriso, isoinfo, cloud-init, shellcheck, ...).
/// Where a tool is missing the test is skipped with the tool's name, so `dotnet test` passes on a fresh machine;
/// under CI (<c>CI=true</c>), where <c>.ci/run</c> installs the tools first, a missing tool fails the test instead.
/// </summary>
public static class ExternalTool
{
    /// <summary>True when the environment variable <c>CI</c> is <c>true</c> (case-insensitive).</summary>
    public static bool UnderCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Returns the absolute path of <paramref name="name"/> (a bare command name looked up on PATH, or an absolute
    /// path). Skips the current test when it is missing, or fails it under CI.
    /// </summary>
    /// <param name="name">Command name (<c>xorriso</c>) or absolute path (<c>/usr/bin/python3</c>).</param>
    /// <param name="debianPackage">The Debian package that provides it, named in the skip message.</param>
    public static string Require(string name, string debianPackage)
    {
        var path = Find(name);
        if (path is not null)
        {
            return path;
        }

        var message = $"needs '{name}' (Debian package {debianPackage}), which is not installed";
        if (UnderCi)
        {
            Assert.Fail(message + "; .ci/run should have installed it");
        }

        Skip.If(true, message);
        return name; // unreachable: Skip.If throws
    }

    /// <summary>Skips (or fails under CI) unless <paramref name="condition"/> holds.</summary>
    public static void RequireThat(bool condition, string what)
    {
        if (condition)
        {
            return;
        }

        if (UnderCi)
        {
            Assert.Fail($"needs {what}; .ci/run should have installed it");
        }

        Skip.If(true, $"needs {what}");
    }

    /// <summary>Looks <paramref name="name"/> up on PATH (or checks an absolute path); null when absent.</summary>
    public static string? Find(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        var pathVar = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in pathVar.Split(':', StringSplitOptions.RemoveEmptyEntries)
                     .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Runs a program to completion and returns its exit code, standard output and standard error.
    /// Arguments are passed as a list (no shell). Fails the test after <paramref name="timeoutSeconds"/>.
    /// </summary>
    public static ToolResult Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        string? standardInput = null, IDictionary<string, string>? environment = null, int timeoutSeconds = 120)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            p.StandardInput.Write(standardInput);
            p.StandardInput.Close();
        }

        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} did not finish within {timeoutSeconds} s");
        }

        return new ToolResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>What a finished tool printed and returned.</summary>
/// <param name="ExitCode">Process exit code.</param>
/// <param name="StandardOutput">Everything written to standard output.</param>
/// <param name="StandardError">Everything written to standard error.</param>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Asserts a zero exit code, showing both streams otherwise; returns this for chaining.</summary>
    public ToolResult ShouldSucceed(string what)
    {
        Assert.True(ExitCode == 0, $"{what} exited {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        return this;
    }
}

using System.Text.Json;
using GlanceBake.Testing;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>Debian's /usr/bin/python3 as a reader: runs a script that prints one JSON document, and parses it.</summary>
internal static class Python
{
    public const string Path = "/usr/bin/python3";

    /// <summary>Skips (or fails under CI) unless python3 can import <paramref name="module"/>.</summary>
    public static string Require(string module, string debianPackage)
    {
        var python = ExternalTool.Require(Path, "python3");
        var probe = ExternalTool.Run(python, ["-c", $"import {module}"]);
        ExternalTool.RequireThat(probe.ExitCode == 0, $"the Python module {module} (Debian package {debianPackage})");
        return python;
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> and parses its standard output.</summary>
    public static JsonElement Json(string python, string script, params string[] arguments)
    {
        var result = ExternalTool.Run(python, ["-c", script, .. arguments]).ShouldSucceed("python3 reader script");
        using var doc = JsonDocument.Parse(result.StandardOutput);
        return doc.RootElement.Clone();
    }
}

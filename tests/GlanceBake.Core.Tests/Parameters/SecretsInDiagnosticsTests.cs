using GlanceBake.Core.Parameters;
using GlanceBake.Core.Tests.Cases;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Tests.Parameters;

/// <summary>No password, however wrong, appears in any diagnostic's text.</summary>
public sealed class SecretsInDiagnosticsTests
{
    private const string Secret = "Zq7SECRETvalue";

    private static readonly string[] SecretKeys =
        ["database.password", "glance.password", "keystone.admin.password", "database.admin.password"];

    public static IEnumerable<object[]> BadSecrets()
    {
        foreach (var key in SecretKeys)
        {
            yield return [key, "tab"];
            yield return [key, "newline"];
            yield return [key, "list"];
            yield return [key, "mapping"];
            yield return [key, "nul"];
        }
    }

    private static YamlNode Bad(string kind) => kind switch
    {
        "tab" => new YamlScalarNode($"{Secret}\tx") { Style = ScalarStyle.DoubleQuoted },
        "newline" => new YamlScalarNode($"{Secret}\nx") { Style = ScalarStyle.DoubleQuoted },
        "nul" => new YamlScalarNode($"{Secret}\u0001") { Style = ScalarStyle.DoubleQuoted },
        "list" => new YamlSequenceNode(new YamlScalarNode(Secret)),
        "mapping" => new YamlMappingNode { { Secret, Secret } },
        _ => throw new ArgumentException(kind),
    };

    [Theory]
    [MemberData(nameof(BadSecrets))]
    public void Load_BadSecret_NoDiagnosticContainsIt(string key, string kind)
    {
        var edits = new List<(string, object?)> { (key, Bad(kind)) };
        if (key.StartsWith("database.admin.", StringComparison.Ordinal))
        {
            edits.Add(("database.admin.method", "password"));
        }

        var r = ParameterLoader.Load(TestBake.With([.. edits]), "controller.yaml", TestBake.RepoRoot);
        Assert.False(r.Succeeded, $"{key} as {kind} was accepted");
        Assert.NotEmpty(r.Diagnostics);
        foreach (var d in r.Diagnostics)
        {
            Assert.DoesNotContain("Zq7SECRET", d.ToString());
        }
    }

    [Fact]
    public void Load_SecretInsideYamlSyntaxError_IsNotEchoed()
    {
        var text = TestBake.ExampleText.Replace("  password: GLANCE_PASS", $"  password: \"{Secret}", StringComparison.Ordinal);
        var r = ParameterLoader.Load(text, "controller.yaml", TestBake.RepoRoot);
        Assert.False(r.Succeeded);
        Assert.All(r.Diagnostics, d => Assert.DoesNotContain("Zq7SECRET", d.ToString()));
    }

    [Fact]
    public void Load_SecretUnderMisspelledKey_IsNotEchoed()
    {
        var text = TestBake.ExampleText.Replace("  password: GLANCE_PASS", $"  Password: {Secret}", StringComparison.Ordinal);
        var r = ParameterLoader.Load(text, "controller.yaml", TestBake.RepoRoot);
        Assert.False(r.Succeeded);
        Assert.All(r.Diagnostics, d => Assert.DoesNotContain("Zq7SECRET", d.ToString()));
    }

    [Fact]
    public void Load_AdminPasswordWithBothQuoteKinds_ReportedWithoutTheValue()
    {
        var r = ParameterLoader.Load(TestBake.With(("database.admin.method", "password"),
            ("database.admin.password", $"{Secret}'\"")), "controller.yaml", TestBake.RepoRoot);
        Assert.False(r.Succeeded);
        var d = Assert.Single(r.Diagnostics, d => d.Code != GlanceBake.Core.Diagnostics.DiagnosticCodes.PlaceholderSecret); // the guide's placeholders are GB2019 warnings
        Assert.Equal("GB2012", d.Code);
        Assert.DoesNotContain("Zq7SECRET", d.ToString());
    }
}

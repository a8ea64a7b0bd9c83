using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary><c>glancebake schema</c> prints the committed <c>schema/glancebake-params.schema.json</c>, which the
/// examples name in their yaml-language-server comment; <c>init</c> leaves that comment out (its path is relative to
/// examples/).</summary>
public sealed class SchemaVerbTests
{
    [Fact]
    public void Schema_PrintsTheCommittedSchemaFile()
    {
        var r = CliHarness.Run("schema");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var committed = File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "schema", "glancebake-params.schema.json"));
        Assert.True(committed == r.Stdout,
            "schema/glancebake-params.schema.json differs from 'glancebake schema': regenerate it with 'glancebake schema > schema/glancebake-params.schema.json'");
    }

    [Fact]
    public void Init_WritesTheExampleWithoutItsEditorSchemaLine()
    {
        var path = Path.Combine(CliHarness.NewTempDir(), "controller.yaml");
        Assert.Equal(0, CliHarness.Run("init", path).ExitCode);
        var example = File.ReadAllText(CliHarness.Example);
        var written = File.ReadAllText(path);
        Assert.StartsWith("# yaml-language-server: $schema=", example);
        Assert.Equal(example[(example.IndexOf('\n') + 1)..], written);
    }
}

using GlanceBake.Core.Parameters;
using Xunit;

namespace GlanceBake.Core.Tests.Parameters;

/// <summary>
/// Issue 9, found by tests/fuzz: an alias used as a key before its anchor (<c>keys: {*v : x}</c>, <c>&amp;v</c> on a
/// later line) made YamlDotNet's <c>YamlAliasNode.Equals</c> recurse until the process died of a stack overflow,
/// which no handler catches (not even the CLI's exit 70). The whole kind is refused before the model loads: aliases
/// must follow their anchor's complete node, and keys must be plain values. Each case returns GB1001 at the node,
/// in the loader's own thread (a stack overflow would end the test run).
/// </summary>
public sealed class YamlStructureTests
{
    [Theory]
    [InlineData("a: {*v : x}\nb: &v y\n", 1, 5, "comes before its anchor")]           // the fuzzer's input, reduced
    [InlineData("a: {? [*v] : x}\nb: &v y\n", 1, 7, "collection is used as a key")]
    [InlineData("a: [*v]\nb: &v y\n", 1, 5, "comes before its anchor")]
    [InlineData("a: *nowhere\n", 1, 4, "comes before its anchor")]
    [InlineData("a: &v [x, *v]\n", 1, 11, "a cycle")]
    [InlineData("a: &v {b: {c: *v}}\n", 1, 15, "a cycle")]
    [InlineData("a: &v [x]\nb: &v [*v]\n", 2, 8, "a cycle")]                     // *v is the most recent &v: the open one
    [InlineData("b: &v y\na: {*v : x}\n", 2, 5, "used as a key")]
    [InlineData("? [a, b]\n: c\n", 1, 3, "collection is used as a key")]
    [InlineData("{a: 1}: c\n", 1, 1, "collection is used as a key")]
    [InlineData("a: x\nb: !![x]\n", 2, 2, "not valid YAML after this point: Global tags must be valid URIs.")] // fuzz: was exit 70
    public void Load_AliasOrKeyTheModelCannotLoad_IsGB1001AtTheNode(string text, int line, int column, string message)
    {
        var result = ParameterLoader.Load(text, "controller.yaml", ".");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("GB1001", line, column), (d.Code, d.Line, d.Column));
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: &v x\nb: *v\n")]                  // an alias after its anchor: fine
    [InlineData("a: &v [x, y]\nb: *v\nc: *v\n")]      // aliases of a finished collection
    [InlineData("a: &v x\n---\nb: &v y\nc: *v\n")]    // anchors start over in each document
    public void StructureProblem_AliasAfterItsAnchor_IsNone(string text) =>
        Assert.Null(YamlInputChecks.StructureProblem(text, "f.yaml"));

    [Fact]
    public void Load_AliasBeforeAnchorInTheWholeExample_IsGB1001NotAStackOverflow()
    {
        var text = Cases.TestBake.ExampleText
            .Replace("  ssh_authorized_keys: []", "  ssh_authorized_keys: {*v : x}", StringComparison.Ordinal)
            .Replace("  auth_url: http://10.0.0.11:5000", "  auth_url: &v http://10.0.0.11:5000", StringComparison.Ordinal);

        var result = ParameterLoader.Load(text, "controller.yaml", ".");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "GB1001" && d.Message.Contains("'*v' comes before its anchor", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryYamlLoadOfOutsideText_GoesThroughTheGuardedLoad()
    {
        // The whole kind: inspect loaded a seed's meta-data with a bare YamlStream and died of the stack overflow
        // (exit 139) the guard exists for. Only YamlInputChecks.Load and the reader of GlanceBake's own embedded
        // distro profiles may create a YamlStream.
        var src = Path.Combine(GlanceBake.Testing.RepoPaths.Root, "src");
        var bare = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("new YamlStream(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["GlanceBake.Core/Parameters/YamlInputChecks.cs", "GlanceBake.Core/Releases/DistroProfileReader.cs"], bare);
    }
}

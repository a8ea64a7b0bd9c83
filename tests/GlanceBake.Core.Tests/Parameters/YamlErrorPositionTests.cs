using GlanceBake.Core.Parameters;
using Xunit;

namespace GlanceBake.Core.Tests.Parameters;

/// <summary>
/// Issue 9: a parameter file whose third line is indented with a tab was reported at (1,1), because YamlDotNet's
/// exception carries line 1, column 1 for that error (and for an alias of an unknown anchor). Every YAML error is
/// now reported where it is.
/// </summary>
public sealed class YamlErrorPositionTests
{
    [Theory]
    [InlineData("schema: 1\ntarget:\n\trelease: zed\n", 3, 1)]                 // tab as the whole indentation
    [InlineData("schema: 1\ntarget:\n  release: zed\n\tdistro: x\n", 4, 1)]   // tab after a plain scalar
    [InlineData("schema: 1\ntarget:\n  release: zed\n  \tdistro: x\n", 4, 3)] // spaces, then a tab
    [InlineData("schema: 1\ntarget:\n  release: zed\n\n\n\tdistro: x\n", 6, 1)]
    public void Load_TabInIndentation_IsGB1001AtTheTab(string text, int line, int column) =>
        AssertAt(text, "GB1001", line, column);

    [Fact]
    public void Load_AliasOfUnknownAnchor_IsGB1001AtTheAlias() =>
        AssertAt("schema: 1\ntarget:\n  release: *zed\n", "GB1001", 3, 12);

    [Fact]
    public void Load_DuplicateKey_IsGB1005AtTheSecondKey() =>
        AssertAt("schema: 1\ntarget:\n  release: zed\n  release: pike\n", "GB1005", 4, 3);

    [Fact]
    public void Load_TabAfterAColon_IsValidYamlAndNoSyntaxError()
    {
        var result = ParameterLoader.Load("schema: 1\ntarget:\n  release:\tzed\n", "controller.yaml", ".");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "GB1001");
    }

    [Theory]
    [InlineData("a: 1\nb:\n  c: 2\n  d: 3\n  c: 4\n", 5, 3)]
    [InlineData("a: [x, {k: 1, k: 2}]\n", 1, 15)]
    [InlineData("a: {b: [1, 2], c: 1}\nb: 1\na: 2\n", 3, 1)]
    public void DuplicateKey_NestedMappings_FindsTheRepeatedKey(string text, int line, int column)
    {
        var at = YamlErrorPosition.DuplicateKey(text, "f.yaml");
        Assert.NotNull(at);
        Assert.Equal((line, column), (at.Value.Line, at.Value.Column));
    }

    [Fact]
    public void DuplicateKey_SameKeyInSiblingMappings_IsNotADuplicate() =>
        Assert.Null(YamlErrorPosition.DuplicateKey("a:\n  k: 1\nb:\n  k: 1\nc: [k, k]\n", "f.yaml"));

    private static void AssertAt(string text, string code, int line, int column)
    {
        var result = ParameterLoader.Load(text, "controller.yaml", ".");
        var d = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal((line, column), (d.Line, d.Column));
    }
}

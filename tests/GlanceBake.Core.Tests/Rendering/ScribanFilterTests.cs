using GlanceBake.Core.Rendering;
using Scriban;
using Scriban.Runtime;
using Xunit;

namespace GlanceBake.Core.Tests.Rendering;

/// <summary>The filters as Scriban calls them through <see cref="ScribanFilter"/> (no reflection).</summary>
public sealed class ScribanFilterTests
{
    private static string Render(string template, object? value)
    {
        var filters = new ScriptObject
        {
            ["ini"] = ScribanFilter.Of<object?>(EscapeFilters.Ini),
            ["sh_words"] = ScribanFilter.Of<IEnumerable<object?>>(EscapeFilters.ShWords),
            ["join_list"] = ScribanFilter.Of<IEnumerable<object?>, string>(EscapeFilters.JoinList, "separator"),
        };
        var context = new TemplateContext { StrictVariables = true };
        context.PushGlobal(filters);
        context.PushGlobal(new ScriptObject { ["v"] = value });
        return Template.Parse(template).Render(context);
    }

    [Fact]
    public void PipedValue_ReachesTheFilter() => Assert.Equal("a$$b", Render("{{ v | ini }}", "a$b"));

    [Fact]
    public void ListAndArgument_ReachTheFilter() =>
        Assert.Equal("x;y z", Render("{{ v | join_list ';' }}", new[] { "x", "y z" }));

    [Fact]
    public void List_ReachesTheFilter() => Assert.Equal("'a' 'b c'", Render("{{ v | sh_words }}", new[] { "a", "b c" }));

    [Fact]
    public void Number_IsConvertedByTheFilter() => Assert.Equal("300", Render("{{ v | ini }}", 300));

    [Fact]
    public void ValueTheFilterRefuses_FailsTheRender()
    {
        var e = Record.Exception(() => Render("{{ v | ini }}", "two\nlines"));
        Assert.NotNull(e);
        Assert.Contains("line break", e.ToString());
        Assert.DoesNotContain("two", e.Message);
    }

    [Fact]
    public void WrongArgumentCount_IsAScriptError() =>
        Assert.ThrowsAny<Scriban.Syntax.ScriptRuntimeException>(() => Render("{{ v | join_list }}", new[] { "x" }));
}

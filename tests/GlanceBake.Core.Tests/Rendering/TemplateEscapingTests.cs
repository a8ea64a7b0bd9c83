using GlanceBake.Core.Rendering;
using Scriban.Syntax;
using Xunit;

namespace GlanceBake.Core.Tests.Rendering;

/// <summary>
/// The style rule "a template that prints a raw value into such a context is a bug", checked on the Scriban AST of
/// every embedded template: each output expression ends in a named escaping filter, and in the filter of the file's
/// language.
/// </summary>
public sealed class TemplateEscapingTests
{
    private static readonly string[] EscapingFilters = ["ini", "sh", "sql_string", "sql_ident", "url_userinfo", "systemd", "mycnf"];

    public static IEnumerable<object[]> Templates => TemplateSet.Embedded.Paths.Select(p => new object[] { p });

    /// <summary>The filters a template's target language accepts.</summary>
    private static string[] FiltersFor(string path) => path switch
    {
        _ when path.StartsWith("rootfs/etc/systemd/", StringComparison.Ordinal) => ["systemd"],
        _ when path.EndsWith(".conf.sbn", StringComparison.Ordinal) || path.StartsWith("_shared/keystone_authtoken", StringComparison.Ordinal) => ["ini"],
        _ when path.EndsWith(".sql.sbn", StringComparison.Ordinal) => ["sql_string", "sql_ident"],
        _ when path.EndsWith(".cnf.sbn", StringComparison.Ordinal) => ["mycnf"],
        _ => ["sh"],
    };

    private sealed class OutputCollector : ScriptVisitor
    {
        public List<(int Line, string Text, string? Filter)> Outputs { get; } = [];

        public override void Visit(ScriptExpressionStatement node)
        {
            var expr = node.Expression;
            if (expr is not ScriptAssignExpression)
            {
                Outputs.Add((node.Span.Start.Line + 1, node.ToString(), FinalFilter(expr)));
            }

            base.Visit(node);
        }

        // The function applied last: the right end of a pipe, or the target of a call. A bare variable is a raw value.
        private static string? FinalFilter(ScriptExpression? e) => e switch
        {
            ScriptPipeCall pipe => pipe.To is ScriptVariable v ? v.Name : FinalFilter(pipe.To),
            ScriptFunctionCall call => NameOf(call.Target),
            ScriptNestedExpression n => FinalFilter(n.Expression),
            _ => null,
        };

        private static string? NameOf(ScriptExpression? e) => e is ScriptVariable v ? v.Name : null;
    }

    private static List<(int Line, string Text, string? Filter)> Outputs(string path)
    {
        var collector = new OutputCollector();
        collector.Visit(TemplateSet.Embedded.Get(path).Page);
        return collector.Outputs;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_EveryOutputExpression_EndsInANamedEscapingFilter(string path)
    {
        foreach (var (line, text, filter) in Outputs(path))
        {
            if (filter == "include")
            {
                continue;
            }

            Assert.True(filter is not null && EscapingFilters.Contains(filter),
                $"templates/{path}({line}): '{text.Trim()}' prints a value without an escaping filter");
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_EveryOutputExpression_UsesItsLanguagesFilter(string path)
    {
        var allowed = FiltersFor(path);
        foreach (var (line, text, filter) in Outputs(path).Where(o => o.Filter != "include"))
        {
            Assert.True(allowed.Contains(filter), $"templates/{path}({line}): '{text.Trim()}' uses '{filter}', expected one of {string.Join(", ", allowed)}");
        }
    }

    [Fact]
    public void Collector_RawOutput_IsCaught()
    {
        var page = Scriban.Template.Parse("a = {{ p.glance.password }}\nb = {{ x | join_list ',' }}\nc = {{ y | ini }}").Page;
        var collector = new OutputCollector();
        collector.Visit(page);
        Assert.Equal(new[] { "(none)", "join_list", "ini" }, collector.Outputs.Select(o => o.Filter ?? "(none)").ToArray());
    }

    [Fact]
    public void Collector_OutputInsideIfAndFor_IsFound()
    {
        var page = Scriban.Template.Parse("{{ if a }}{{ b }}{{ end }}{{ for c in d }}{{ c | sh }}{{ end }}").Page;
        var collector = new OutputCollector();
        collector.Visit(page);
        Assert.Equal(new[] { "(none)", "sh" }, collector.Outputs.Select(o => o.Filter ?? "(none)").ToArray());
    }

    [Fact]
    public void TemplateSet_Embedded_HoldsEveryTemplateFile()
    {
        var onDisk = Directory.EnumerateFiles(Path.Combine(Cases.TestBake.RepoRoot, "templates"), "*.sbn", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Cases.TestBake.RepoRoot, "templates"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, TemplateSet.Embedded.Paths);
    }
}

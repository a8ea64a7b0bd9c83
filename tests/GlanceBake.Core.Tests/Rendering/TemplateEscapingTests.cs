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
    private static readonly string[] EscapingFilters = ["ini", "sh", "sh_words", "sql_string", "sql_ident", "url_userinfo", "systemd", "mycnf", "apt_field"];

    public static IEnumerable<object[]> Templates => TemplateSet.Embedded.Paths.Select(p => new object[] { p });

    /// <summary>The filters a template's target language accepts.</summary>
    private static string[] FiltersFor(string path) => path switch
    {
        _ when path.StartsWith("rootfs/etc/systemd/", StringComparison.Ordinal) => ["systemd"],
        _ when path.EndsWith(".conf.sbn", StringComparison.Ordinal) || path.StartsWith("_shared/keystone_authtoken", StringComparison.Ordinal) => ["ini"],
        _ when path.EndsWith(".sql.sbn", StringComparison.Ordinal) => ["sql_string", "sql_ident"],
        _ when path.EndsWith(".cnf.sbn", StringComparison.Ordinal) => ["mycnf"],
        _ when path.EndsWith(".list.sbn", StringComparison.Ordinal) => ["apt_field"],
        _ => ["sh", "sh_words"],
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

    /// <summary>Lines where an <c>sh</c> output sits inside a double-quoted shell string, where single quotes are
    /// literal and <c>$( )</c> still expands: the filter's quoting is wrong there.</summary>
    private static List<string> ShInsideDoubleQuotes(string source)
    {
        var bad = new List<string>();
        foreach (var (line, i) in source.Split('\n').Select((l, i) => (l, i + 1)))
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(line, @"\{\{[^}]*\|\s*sh(_words)?\s*~?\}\}"))
            {
                // Quote characters before the output, outside other {{ }} blocks, backslash escapes and '...' words.
                var before = System.Text.RegularExpressions.Regex.Replace(line[..m.Index], @"\{\{.*?\}\}|\\.", "");
                var inDouble = false;
                var inSingle = false;
                foreach (var c in before)
                {
                    if (c == '"' && !inSingle)
                    {
                        inDouble = !inDouble;
                    }
                    else if (c == '\'' && !inDouble)
                    {
                        inSingle = !inSingle;
                    }
                }

                if (inDouble)
                {
                    bad.Add($"({i}): {line.Trim()}");
                }
            }
        }

        return bad;
    }

    public static IEnumerable<object[]> ShellTemplates => TemplateSet.Embedded.Paths
        .Where(p => FiltersFor(p).Contains("sh")).Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(ShellTemplates))]
    public void Template_ShOutput_IsNotInsideADoubleQuotedString(string path) =>
        Assert.Empty(ShInsideDoubleQuotes(TemplateSet.Embedded.Source(path)));

    [Fact]
    public void ShInsideDoubleQuotes_Detector_FindsOnlyDoubleQuotedUses()
    {
        Assert.NotEmpty(ShInsideDoubleQuotes("wait_until \"Keystone at {{ url | sh }}\" http_ok {{ url | sh }}"));
        Assert.Empty(ShInsideDoubleQuotes("url={{ url | sh }}\nwait_until \"Keystone at $url\" http_ok \"$url\""));
        Assert.Empty(ShInsideDoubleQuotes("file=\"$GB_STATE_DIR/\"{{ name | sh }}"));
        Assert.Empty(ShInsideDoubleQuotes("log 'it''s' {{ x | sh }}"));
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

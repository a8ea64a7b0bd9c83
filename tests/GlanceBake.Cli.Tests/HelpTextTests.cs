using System.CommandLine;
using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// Help for every verb lists each option with its dashes and value name (<c>-o, --output &lt;DIR&gt;</c>, issue 8),
/// whether asked as <c>VERB --help</c> or <c>help VERB</c>; the verb index lists every verb. The verbs and options
/// come from the command line itself (<see cref="GlanceBakeApp.CreateCommandLine"/>).
/// </summary>
public sealed class HelpTextTests
{
    private static RootCommand Root { get; } = GlanceBakeApp.CreateCommandLine(_ => null);

    private static IEnumerable<Command> Verbs => Root.Subcommands.Where(c => !c.Hidden);

    /// <summary>Every verb the CLI declares.</summary>
    public static TheoryData<string> VerbNames()
    {
        var data = new TheoryData<string>();
        foreach (var verb in Verbs)
        {
            data.Add(verb.Name);
        }

        return data;
    }

    [Fact]
    public void CommandLine_DeclaresEveryReadmeVerb()
    {
        Assert.Equal(["bake", "validate", "lint", "targets", "init", "schema", "inspect", "secrets", "diff"],
            Verbs.Select(v => v.Name).ToArray());
    }

    [Theory]
    [MemberData(nameof(VerbNames))]
    public void VerbHelp_ListsEveryOptionWithItsDashes(string verb)
    {
        var options = Verbs.Single(v => v.Name == verb).Options.ToList();
        foreach (var args in new[] { new[] { verb, "--help" }, new[] { "help", verb } })
        {
            var r = CliHarness.Run(args);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal("", r.Stderr);
            var lines = r.Stdout.Split('\n').Select(l => l.Trim()).ToList();
            foreach (var o in options)
            {
                var names = string.Join(", ", o.Aliases.Order(StringComparer.Ordinal).Append(o.Name));
                var expected = o.ValueType == typeof(bool) ? names : $"{names} <{o.HelpName}>";
                Assert.True(lines.Any(l => l.StartsWith(expected + " ", StringComparison.Ordinal)),
                    $"{string.Join(' ', args)}: no line starts with '{expected}':\n{r.Stdout}");
            }

            Assert.Contains(lines, l => l.StartsWith("-?, -h, --help ", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.StartsWith("help ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public void TopLevelHelp_ListsEveryVerb(string arg)
    {
        var r = CliHarness.Run(arg);
        Assert.Equal(0, r.ExitCode);
        foreach (var verb in Verbs.Select(v => v.Name))
        {
            Assert.Contains(r.Stdout.Split('\n'), l => l.TrimStart().StartsWith(verb + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void BakeHelp_ShowsOutputOptionWithDashes()
    {
        var r = CliHarness.Run("bake", "--help");
        Assert.Contains("  -o, --output <DIR>  ", r.Stdout);
        Assert.Contains("  --strict  ", r.Stdout);
        Assert.Contains("  --check <DIR>  ", r.Stdout);
        Assert.Contains("  --files-dir <DIR>  ", r.Stdout);
        Assert.DoesNotContain("  o, output", r.Stdout);
    }

    [Fact]
    public void Help_IsWrappedAtEightyColumns()
    {
        foreach (var args in new[] { new[] { "--help" } }.Concat(Verbs.Select(v => new[] { v.Name, "--help" })))
        {
            var r = CliHarness.Run(args);
            Assert.All(r.Stdout.Split('\n'), l => Assert.True(l.Length <= 80, $"{string.Join(' ', args)}: '{l}'"));
        }
    }
}

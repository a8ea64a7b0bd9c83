using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// Help for every verb lists each option as CommandLineParser 2.9 wrote it, with its dashes
/// (<c>-o, --output</c>), whether asked as <c>VERB --help</c> or <c>help VERB</c>.
/// </summary>
public sealed class HelpTextTests
{
    /// <summary>Every verb the CLI declares (<see cref="CommandLineSpec.Verbs"/>).</summary>
    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        foreach (var verb in CommandLineSpec.Verbs)
        {
            data.Add(verb.Name);
        }

        return data;
    }

    private static IEnumerable<OptionSpec> OptionsOf(string verb) => CommandLineSpec.Find(verb)!.Options;

    [Theory]
    [MemberData(nameof(Verbs))]
    public void VerbHelp_ListsEveryOptionWithItsDashes(string verb)
    {
        foreach (var args in new[] { new[] { verb, "--help" }, new[] { "help", verb } })
        {
            var r = CliHarness.Run(args);
            Assert.True(r.ExitCode == 0, r.Stderr);
            var lines = r.Stdout.Split('\n').Select(l => l.Trim()).ToList();
            foreach (var o in OptionsOf(verb))
            {
                var expected = o.Short is { } s ? $"-{s}, --{o.Long}" : $"--{o.Long}";
                Assert.True(lines.Any(l => l.StartsWith(expected + " ", StringComparison.Ordinal) || l == expected
                    || (o.MetaValue is { Length: > 0 } meta && l.StartsWith($"{expected}={meta} ", StringComparison.Ordinal))),
                    $"{string.Join(' ', args)}: no line starts with '{expected}':\n{r.Stdout}");
            }

            Assert.Contains(lines, l => l.StartsWith("--help ", StringComparison.Ordinal));
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
        foreach (var verb in CommandLineSpec.Verbs.Select(v => v.Name))
        {
            Assert.Contains(r.Stdout.Split('\n'), l => l.TrimStart().StartsWith(verb + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void BakeHelp_ShowsOutputOptionWithDashes()
    {
        var r = CliHarness.Run("bake", "--help");
        Assert.Contains("-o, --output", r.Stdout);
        Assert.Contains("--strict", r.Stdout);
        Assert.DoesNotContain("  o, output", r.Stdout);
    }
}

using System.Text.RegularExpressions;
using GlanceBake.Core.Tests.Snapshots;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>
/// bash runs each rendered <c>wait_until "MESSAGE" COMMAND...</c> line with stub functions: the message must hold
/// the parameter's text literally and bash must expand nothing in it. Values enter through the <c>sh</c> filter as
/// plain assignments (<c>name=word</c>) and messages refer to the variables, since an <c>sh</c> word inside a
/// double-quoted string keeps its quotes and lets <c>$( )</c> run. URLs with shell-special characters are
/// rejected at load time as well.
/// </summary>
public sealed partial class ShellMessageQuotingTests
{
    [Theory]
    [InlineData("http://10.0.0.11:5000/k$(touch${IFS}gb-marker-k)")]
    [InlineData("http://10.0.0.11:5000/k`touch gb-marker-k`")]
    [InlineData("http://10.0.0.11:5000/k'x'")]
    [InlineData("http://10.0.0.11:5000/k\"x\"")]
    public void Load_UrlWithShellSpecialCharacters_IsRejectedWithGB2003(string url)
    {
        var controller = File.ReadAllText(Scenario.ParamsFile("controller"));
        var yaml = controller.Replace("auth_url: http://10.0.0.11:5000 ", $"auth_url: '{url.Replace("'", "''")}' ",
            StringComparison.Ordinal);
        Assert.NotEqual(controller, yaml);
        var result = GlanceBake.Core.Parameters.ParameterLoader.Load(yaml, "controller.yaml", Path.GetTempPath());
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "GB2003" && d.Message.Contains("keystone.auth_url"));
    }

    [SkippableFact]
    public void WaitMessages_SocketAdmin_SaysMariaDbOnTheLocalSocketWithoutQuotes()
    {
        var baked = Scenario.Shared("controller");
        var messages = WaitMessages(baked, out _);
        Assert.Contains("MariaDB on the local socket", messages);
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void WaitMessages_GuideValues_NameMariaDbKeystoneAndGlance(string name)
    {
        var baked = Scenario.Shared(name);
        var messages = WaitMessages(baked, out _);
        Assert.Equal(3, messages.Count);
        Assert.StartsWith("MariaDB on ", messages[0], StringComparison.Ordinal);
        Assert.Equal($"Keystone at {baked.Parameters.Keystone.AuthUrl}/v3", messages[1]);
        Assert.Equal($"Glance at {baked.Parameters.Glance.InternalEndpoint}", messages[2]);
    }

    /// <summary>The first argument of every wait_until line in the steps, as bash evaluates it, in step order.</summary>
    private static List<string> WaitMessages(BakedScenario baked, out string workDir)
    {
        var bash = ExternalTool.Require("bash", "bash");
        workDir = baked.Scratch("bash");
        var messages = new List<string>();
        foreach (var step in baked.Bundle.Rootfs.Where(f => f.Path.Contains("/steps/", StringComparison.Ordinal)))
        {
            var text = System.Text.Encoding.UTF8.GetString(step.Content);
            foreach (Match line in WaitLine().Matches(text))
            {
                // The step's plain assignments (name=word) first: messages name values through variables.
                var assignments = string.Join("\n", Assignment().Matches(text).Select(m => m.Value));
                var script = "wait_until() { printf '%s\\0' \"$1\"; }\n" + assignments + "\n" + line.Value + "\n";
                var result = ExternalTool.Run(bash, ["-c", script], workingDirectory: workDir).ShouldSucceed(line.Value);
                messages.Add(result.StandardOutput.TrimEnd('\0'));
            }
        }

        return messages;
    }

    [GeneratedRegex(@"^wait_until .*$", RegexOptions.Multiline)]
    private static partial Regex WaitLine();

    [GeneratedRegex(@"^[a-z_]+=[^$(`\n][^\n]*$", RegexOptions.Multiline)]
    private static partial Regex Assignment();
}

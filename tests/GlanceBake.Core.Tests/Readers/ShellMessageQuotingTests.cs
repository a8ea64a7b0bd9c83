using System.Text.RegularExpressions;
using GlanceBake.Core.Tests.Snapshots;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>
/// bash runs each rendered <c>wait_until "MESSAGE" COMMAND...</c> line with stub functions: the message must hold
/// the parameter's text literally and bash must expand nothing in it. Values enter with the <c>sh</c> filter, which
/// makes a shell word; inside a double-quoted message that word's single quotes are literal and <c>$( )</c> runs.
/// </summary>
public sealed partial class ShellMessageQuotingTests
{
    private const string HostileUrlSkip =
        "product bug: templates/rootfs/usr/local/lib/glancebake/steps/10-wait-services.sh.sbn:10 and " +
        "90-wait-glance.sh.sbn:7 put '| sh' output inside a double-quoted message, so $(...) in a URL path runs";

    private const string SocketMessageSkip =
        "product bug: 10-wait-services.sh.sbn:9 prints \"MariaDB on 'the local socket'\" (sh-quoted inside double quotes)";

    [SkippableFact(Skip = HostileUrlSkip)]
    public void WaitMessages_UrlPathWithCommandSubstitution_IsPrintedLiterallyAndNotRun()
    {
        var controller = File.ReadAllText(Scenario.ParamsFile("controller"));
        const string keystone = "http://10.0.0.11:5000/k$(touch${IFS}gb-marker-k)";
        const string glance = "http://10.0.0.11:9292/g$(touch${IFS}gb-marker-g)";
        var yaml = controller
            .Replace("auth_url: http://10.0.0.11:5000 ", $"auth_url: '{keystone}' ", StringComparison.Ordinal)
            .Replace("internal: http://10.0.0.11:9292", $"internal: '{glance}'", StringComparison.Ordinal);
        Assert.NotEqual(controller, yaml);
        using var baked = Scenario.BakeText("hostile-urls", yaml);

        var messages = WaitMessages(baked, out var workDir);
        Assert.Contains(messages, m => m.Contains(keystone + "/v3", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains(glance, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(workDir, "gb-marker-*"));
    }

    [SkippableFact(Skip = SocketMessageSkip)]
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
                var script = "wait_until() { printf '%s\\0' \"$1\"; }\n" + line.Value + "\n";
                var result = ExternalTool.Run(bash, ["-c", script], workingDirectory: workDir).ShouldSucceed(line.Value);
                messages.Add(result.StandardOutput.TrimEnd('\0'));
            }
        }

        return messages;
    }

    [GeneratedRegex(@"^wait_until .*$", RegexOptions.Multiline)]
    private static partial Regex WaitLine();
}

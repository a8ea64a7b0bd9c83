using System.Text.RegularExpressions;
using GlanceBake.Core.Tests.Snapshots;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>
/// Issue 12: each start of the <c>openstack</c> CLI costs 1.5-2 s natively and 15-17 s under emulation, so the
/// first-boot runner starts it at most twice; the Keystone and Glance calls go through ONE Python process per step
/// (openstack_api.py). Counted in the generated scripts of every scenario: a start inside a loop or a function could
/// run any number of times, so none may be there. Secrets stay off command lines.
/// </summary>
public sealed class OpenStackCliStartsTests
{
    /// <summary>The shell scripts the runner runs: the steps, lib.sh and the runner itself.</summary>
    private static Dictionary<string, string> Scripts(BakedScenario baked) =>
        baked.Bundle.Rootfs
            .Where(f => (f.Path.StartsWith("/usr/local/lib/glancebake/", StringComparison.Ordinal) && !f.Path.EndsWith(".py", StringComparison.Ordinal))
                || f.Path == "/usr/local/sbin/glancebake-firstboot")
            .ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content));

    /// <summary>A command word <c>openstack</c>: at a line's start or after <c>; &amp; | ( $( ! then do else</c>.</summary>
    private static readonly Regex CliStart =
        new(@"(^|[;&|(]|\$\(|\b(then|do|else|if|!)\s)\s*openstack(\s|$)", RegexOptions.Compiled);

    /// <summary>(path, line number, line, inside a loop or function) of every openstack CLI start in the scripts.</summary>
    private static List<(string Path, int Number, string Text, bool Repeated)> CliStarts(BakedScenario baked)
    {
        var starts = new List<(string, int, string, bool)>();
        foreach (var (path, text) in Scripts(baked))
        {
            int loops = 0, functions = 0;
            foreach (var (number, line) in StepScripts.CodeLines(text))
            {
                var t = line.Trim();
                if (Regex.IsMatch(t, @"^[A-Za-z_][\w-]*\s*\(\)\s*\{"))
                {
                    functions++;
                }
                else if (t == "}" && functions > 0)
                {
                    functions--;
                }

                if (Regex.IsMatch(t, @"^(for|while|until|select)\b"))
                {
                    loops++;
                }

                if (!t.StartsWith("require_cmd ", StringComparison.Ordinal) && CliStart.IsMatch(t))
                {
                    starts.Add((path, number, t, loops > 0 || functions > 0));
                }

                if (Regex.IsMatch(t, @"(^|;\s*)done\b"))
                {
                    loops = Math.Max(0, loops - 1);
                }
            }
        }

        return starts;
    }

    [Theory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void Scripts_Scenario_StartTheOpenStackCliAtMostTwiceAndNeverInALoopOrFunction(string name)
    {
        var starts = CliStarts(Scenario.Shared(name));
        var list = string.Join("\n", starts.Select(s => $"{s.Path}:{s.Number}: {s.Text}"));
        Assert.True(starts.Count <= 2, $"{name}: {starts.Count} openstack CLI starts:\n{list}");
        Assert.DoesNotContain(starts, s => s.Repeated);
        // The Keystone and Glance steps, which made 13 and 7 calls before, make none: openstack_api.py does their work.
        Assert.DoesNotContain(starts, s => s.Path.EndsWith("/30-keystone.sh", StringComparison.Ordinal)
            || s.Path.EndsWith("/95-verify-image.sh", StringComparison.Ordinal));
    }

    [Fact]
    public void CliStart_Counter_FindsStartsInLoopsSubstitutionsAndConditions()
    {
        // The counter itself: the forms the old steps used are found and flagged.
        Assert.Matches(CliStart, "id=$(openstack endpoint list --service \"$service_id\" -f json");
        Assert.Matches(CliStart, "if openstack user show --domain \"$domain\" \"$user\" >/dev/null 2>&1; then");
        Assert.Matches(CliStart, "  openstack image delete \"$stale\"");
        Assert.Matches(CliStart, "until [ \"$(openstack image show -f value -c status \"$id\")\" = active ]; do");
        Assert.DoesNotMatch(CliStart, "python3 \"$GB_LIB_DIR/openstack_api.py\" keystone \\");
    }

    [Theory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void Scripts_Scenario_NoPasswordOnACommandLine(string name)
    {
        foreach (var (path, text) in Scripts(Scenario.Shared(name)))
        {
            foreach (var (number, line) in StepScripts.CodeLines(text))
            {
                Assert.False(Regex.IsMatch(line, @"--password|\$\{?(GLANCE_PASS|OS_PASSWORD)\b"),
                    $"{path}:{number} puts a password on a command line: {line.Trim()}");
            }
        }

    }
}

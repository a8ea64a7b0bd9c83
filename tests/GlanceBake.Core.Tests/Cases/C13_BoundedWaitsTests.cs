using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>C13: every wait is bounded (GB_WAIT_SECONDS) and ends with a clear message and a non-zero status.</summary>
public sealed class C13_BoundedWaitsTests
{
    public static IEnumerable<object[]> Targets => TestBake.Targets.Select(t => new object[] { t.Release, t.Distro });

    [Theory]
    [MemberData(nameof(Targets))]
    public void Bake_AnyTarget_EveryLoopThatSleepsHasADeadlineAndDies(string release, string distro)
    {
        var bundle = TestBake.Bake(TestBake.ForTarget(release, distro));
        var scripts = bundle.Rootfs.Where(f => f.Path.EndsWith(".sh") || f.Path.EndsWith("firstboot"))
            .ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content));
        Assert.True(scripts.Count >= 11);
        foreach (var (path, text) in scripts)
        {
            var lines = StepScripts.CodeLines(text).Select(l => l.Text.Trim()).ToList();
            Assert.DoesNotContain(lines, l => Regex.IsMatch(l, @"^while\s+(true|:|\[\s*1\s*\])"));
            for (var i = 0; i < lines.Count; i++)
            {
                if (!Regex.IsMatch(lines[i], @"^(while|until)\b"))
                {
                    continue;
                }

                var end = lines.FindIndex(i, l => l == "done" || l.StartsWith("done ", StringComparison.Ordinal));
                var body = string.Join("\n", lines[i..(end + 1)]);
                if (!body.Contains("sleep"))
                {
                    continue; // a loop over input, not a wait
                }

                Assert.True(body.Contains("deadline") && body.Contains("die "),
                    $"{path}: a wait loop without a deadline and a die:\n{body}");
            }
        }

        var lib = scripts["/usr/local/lib/glancebake/lib.sh"];
        Assert.Matches(@"(?m)^GB_WAIT_SECONDS=""\$\{GLANCEBAKE_WAIT_SECONDS:-[^}]+\}""$", lib);
        Assert.Contains("local deadline=$((SECONDS + GB_WAIT_SECONDS))", lib);
    }

    [Fact]
    public void Bake_Steps_WaitForDatabaseKeystoneAndGlanceThroughWaitUntil()
    {
        var steps = StepScripts.For("2024.1", "ubuntu-24.04");
        // The message's quoting is not pinned here (see Readers/ShellMessageQuotingTests); the commands are.
        Assert.Matches(@"(?m)^wait_until "".+"" db_admin --execute ""SELECT 1""$", steps["10-wait-services"]);
        Assert.Matches(@"(?m)^wait_until "".+"" http_ok \S+$", steps["10-wait-services"]);
        Assert.Contains("http://10.0.0.11:5000/v3", steps["10-wait-services"]);
        Assert.Matches(@"(?m)^wait_until "".+"" http_status \S+$", steps["90-wait-glance"]);
        Assert.Contains("http://10.0.0.11:9292", steps["90-wait-glance"]);
    }

    [Fact]
    public void WaitUntil_CommandNeverSucceeds_FailsNonZeroWithinTheBoundWithMessage()
    {
        var dir = TestBake.NewTempDir();
        var lib = TestBake.WriteText(dir, "lib.sh", TestBake.Rootfs(TestBake.Bake(TestBake.ExampleText), "/usr/local/lib/glancebake/lib.sh"));
        var clock = Stopwatch.StartNew();
        var r = TestBake.CleanBash("export GLANCEBAKE_WAIT_SECONDS=3; . \"$1\"; wait_until \"fake service\" false; echo reached", lib);
        clock.Stop();

        Assert.NotEqual(0, r.ExitCode);
        Assert.DoesNotContain("reached", r.StandardOutput);
        Assert.Contains("fake service did not answer within 3s", r.StandardError);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void WaitUntil_KeystoneNotListening_FailsNonZeroWithinTheBound()
    {
        var dir = TestBake.NewTempDir();
        var lib = TestBake.WriteText(dir, "lib.sh", TestBake.Rootfs(TestBake.Bake(TestBake.ExampleText), "/usr/local/lib/glancebake/lib.sh"));
        var clock = Stopwatch.StartNew();
        var r = TestBake.CleanBash("export PATH=/usr/bin:/bin GLANCEBAKE_WAIT_SECONDS=3; . \"$1\"; wait_until Keystone http_ok http://127.0.0.1:9/v3", lib);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("Keystone did not answer within 3s", r.StandardError);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public void WaitUntil_CommandSucceedsLater_ReturnsZero()
    {
        var dir = TestBake.NewTempDir();
        var lib = TestBake.WriteText(dir, "lib.sh", TestBake.Rootfs(TestBake.Bake(TestBake.ExampleText), "/usr/local/lib/glancebake/lib.sh"));
        var flag = Path.Combine(dir, "up");
        var r = TestBake.CleanBash(
            "export PATH=/usr/bin:/bin GLANCEBAKE_WAIT_SECONDS=20; . \"$1\"; (sleep 1; touch \"$2\") & wait_until svc test -e \"$2\"",
            lib, flag);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Contains("svc answers", r.StandardOutput);
    }

    [Fact]
    public void WaitUntil_CommandFailsFiveTimes_PollsAfter02SThenDoublesTheIntervalUpTo1S()
    {
        // Issue 12: waits poll quickly at first (0.2 s) and back off (doubling, at most 1 s), within the same bound.
        var dir = TestBake.NewTempDir();
        var lib = TestBake.WriteText(dir, "lib.sh", TestBake.Rootfs(TestBake.Bake(TestBake.ExampleText), "/usr/local/lib/glancebake/lib.sh"));
        var tries = Path.Combine(dir, "tries");
        var r = TestBake.CleanBash(
            """
            export PATH=/usr/bin:/bin GLANCEBAKE_WAIT_SECONDS=30; . "$1"
            attempt() { date +%s%N >>"$2"; [ "$(wc -l <"$2")" -ge 6 ]; }
            wait_until svc attempt "$1" "$2"
            """, lib, tries);
        Assert.True(r.ExitCode == 0, r.StandardError);
        var times = File.ReadAllLines(tries).Select(l => long.Parse(l, System.Globalization.CultureInfo.InvariantCulture) / 1e9).ToArray();
        Assert.Equal(6, times.Length);
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        // Sleeps of 0.2, 0.4, 0.8, 1.0, 1.0 s: each gap is at least its sleep, plus the try's own time (up to 1 s on a
        // loaded machine).
        for (var i = 0; i < gaps.Length; i++)
        {
            var sleep = Math.Min(0.2 * Math.Pow(2, i), 1.0);
            Assert.InRange(gaps[i], sleep * 0.95, sleep + 1.0);
        }
    }
}

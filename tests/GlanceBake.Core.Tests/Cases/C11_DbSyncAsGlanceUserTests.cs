using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>C11: db_sync runs as the glance user, so no root-owned file is left in /var/log/glance.</summary>
public sealed class C11_DbSyncAsGlanceUserTests
{
    public static IEnumerable<object[]> Targets => TestBake.Targets.Select(t => new object[] { t.Release, t.Distro });

    [Theory]
    [MemberData(nameof(Targets))]
    public void Bake_AnyTarget_DbSyncRunsThroughSuAsGlance(string release, string distro)
    {
        var steps = StepScripts.For(release, distro);
        var code = StepScripts.CodeLines(steps["60-db-sync"]).Select(l => l.Text).ToList();
        Assert.Contains("su -s /bin/sh -c \"glance-manage db_sync\" glance", code);

        // No step runs glance-manage any other way (as root).
        foreach (var (step, script) in steps)
        {
            foreach (var (_, line) in StepScripts.CodeLines(script).Where(l => l.Text.Contains("glance-manage")))
            {
                Assert.True(line == "su -s /bin/sh -c \"glance-manage db_sync\" glance"
                    || line == "require_cmd glance-manage 'glance-common'", $"{step}: glance-manage outside su: {line}");
            }
        }
    }
}

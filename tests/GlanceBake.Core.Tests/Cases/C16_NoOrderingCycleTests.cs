using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>C16: no generated unit orders itself before early boot or cloud-init, and systemd-analyze verify passes.</summary>
public sealed class C16_NoOrderingCycleTests
{
    public static IEnumerable<object[]> Targets => SystemdDropIns.Targets;

    [Theory]
    [MemberData(nameof(Targets))]
    public void Bake_AnyTarget_NoEarlyBootOrderingOrDefaultDependenciesNo(string release, string distro)
    {
        foreach (var (path, text) in SystemdDropIns.For(release, distro))
        {
            var before = SystemdDropIns.Words(text, "Before");
            Assert.DoesNotContain("network-pre.target", before);
            Assert.DoesNotContain("sysinit.target", before);
            Assert.DoesNotContain(before, u => u.StartsWith("cloud-init", StringComparison.Ordinal) || u.StartsWith("cloud-config", StringComparison.Ordinal) || u.StartsWith("cloud-final", StringComparison.Ordinal));
            Assert.DoesNotContain(text.Split('\n'), l => l.Trim().Replace(" ", "").StartsWith("DefaultDependencies=no", StringComparison.OrdinalIgnoreCase));
            var requiredBy = SystemdDropIns.Words(text, "RequiredBy").Concat(SystemdDropIns.Words(text, "WantedBy"));
            Assert.DoesNotContain(requiredBy, u => u.StartsWith("cloud-", StringComparison.Ordinal) || u == "sysinit.target");
            Assert.False(text.Contains("\nBefore=", StringComparison.Ordinal), $"{path} orders glance before something: {text}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Targets))]
    public void Bake_AnyTarget_SystemdAnalyzeVerifyPassesWithStubServices(string release, string distro)
    {
        var analyze = ExternalTool.Require("systemd-analyze", "systemd");
        var dir = TestBake.NewTempDir();
        var units = new List<string>();
        foreach (var (path, text) in SystemdDropIns.For(release, distro))
        {
            var relative = path["/etc/systemd/system/".Length..];
            TestBake.WriteText(dir, relative, text);
            var service = relative.Split('/')[0][..^".d".Length];
            var unit = Path.Combine(dir, service);
            if (!File.Exists(unit))
            {
                // Stand-in for the package's unit, so the drop-in has something to extend.
                TestBake.WriteText(dir, service, $"[Unit]\nDescription=stub {service}\n\n[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=multi-user.target\n");
                units.Add(unit);
            }
        }

        Assert.NotEmpty(units);
        var r = ExternalTool.Run(analyze, ["verify", "--man=no", .. units],
            environment: new Dictionary<string, string> { ["SYSTEMD_UNIT_PATH"] = dir + ":", ["SYSTEMD_LOG_LEVEL"] = "warning" });
        Assert.True(r.ExitCode == 0, $"systemd-analyze verify failed:\n{r.StandardOutput}\n{r.StandardError}");
        Assert.DoesNotContain("cycle", r.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("10-glancebake.conf", r.StandardError);
    }
}

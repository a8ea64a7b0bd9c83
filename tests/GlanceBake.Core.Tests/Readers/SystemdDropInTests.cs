using GlanceBake.Core.Tests.Snapshots;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>
/// `systemd-analyze verify` loads each rendered drop-in onto a stub unit and has nothing to say about it.
/// It needs no running systemd: SYSTEMD_UNIT_PATH points at a temporary unit folder (the trailing ':' keeps the
/// default search path, so network-online.target and the database unit resolve). verify exits 0 even for unknown
/// keys, so the test reads its output; a control case shows that a bad key in the drop-in folder is reported.
/// </summary>
public sealed class SystemdDropInTests
{
    private const string StubUnit = "[Unit]\nDescription=stub for GlanceBake's drop-in test\n\n[Service]\nType=simple\nExecStart=/bin/true\n";

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void DropIns_SystemdAnalyzeVerify_ReportsNothingAboutThem(string name)
    {
        var baked = Scenario.Shared(name);
        var analyze = ExternalTool.Require("systemd-analyze", "systemd");
        var dropIns = baked.Bundle.Rootfs.Where(f => f.Path.StartsWith("/etc/systemd/system/", StringComparison.Ordinal))
            .ToList();
        var expectedServices = baked.Parameters.Target.Release is "pike" or "queens" or "rocky" or "stein"
            ? new[] { "glance-api", "glance-registry" }
            : ["glance-api"];
        Assert.Equal(expectedServices.Select(s => $"/etc/systemd/system/{s}.service.d/10-glancebake.conf").Order(StringComparer.Ordinal),
            dropIns.Select(d => d.Path));

        foreach (var dropIn in dropIns)
        {
            var result = Verify(analyze, baked, dropIn.Path, extra: null);
            Assert.True(result.ExitCode == 0 && (result.StandardOutput + result.StandardError).Trim().Length == 0,
                $"systemd-analyze verify on {dropIn.Path} exited {result.ExitCode}:\n{result.StandardOutput}{result.StandardError}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void DropIns_SystemdAnalyzeVerify_ReadsTheDropInFolder(string name)
    {
        var baked = Scenario.Shared(name);
        var analyze = ExternalTool.Require("systemd-analyze", "systemd");
        var result = Verify(analyze, baked, "/etc/systemd/system/glance-api.service.d/10-glancebake.conf",
            extra: "[Unit]\nAfterr=nothing.target\n");
        Assert.Contains("Unknown key 'Afterr'", result.StandardOutput + result.StandardError);
    }

    private static ToolResult Verify(string analyze, BakedScenario baked, string dropInPath, string? extra)
    {
        var unitDir = baked.Scratch("units");
        var dropInFolder = Path.GetFileName(Path.GetDirectoryName(dropInPath)!);
        var unitName = dropInFolder[..^".d".Length];
        File.WriteAllText(Path.Combine(unitDir, unitName), StubUnit);
        Directory.CreateDirectory(Path.Combine(unitDir, dropInFolder));
        File.Copy(baked.RootfsPath(dropInPath), Path.Combine(unitDir, dropInFolder, Path.GetFileName(dropInPath)));
        if (extra is not null)
        {
            File.WriteAllText(Path.Combine(unitDir, dropInFolder, "99-control.conf"), extra);
        }

        return ExternalTool.Run(analyze, ["verify", "--man=no", unitName], workingDirectory: unitDir,
            environment: new Dictionary<string, string> { ["SYSTEMD_UNIT_PATH"] = unitDir + ":", ["SYSTEMD_LOG_COLOR"] = "0" });
    }
}

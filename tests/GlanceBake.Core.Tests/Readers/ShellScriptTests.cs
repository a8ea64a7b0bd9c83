using GlanceBake.Core.Rendering;
using GlanceBake.Core.Tests.Snapshots;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>bash parses, and shellcheck finds nothing in, every first-boot script: the steps, lib.sh and the runner
/// (openstack_api.py, the one Python file there, has its own tests).</summary>
public sealed class ShellScriptTests
{
    private static IReadOnlyList<string> Scripts(BakedScenario baked)
    {
        var scripts = baked.Bundle.Rootfs.Select(f => f.Path)
            .Where(p => (p.StartsWith("/usr/local/lib/glancebake/", StringComparison.Ordinal)
                    && !p.EndsWith(".py", StringComparison.Ordinal))
                || p == "/usr/local/sbin/glancebake-firstboot")
            .ToList();
        Assert.Equal(OutputManifest.Steps(baked.Parameters.Target.Profile).Count + 2, scripts.Count);
        return scripts;
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void Scripts_BashN_ParseEveryScript(string name)
    {
        var baked = Scenario.Shared(name);
        var bash = ExternalTool.Require("bash", "bash");
        foreach (var script in Scripts(baked))
        {
            ExternalTool.Run(bash, ["-n", baked.RootfsPath(script)]).ShouldSucceed($"bash -n {script}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void Scripts_Shellcheck_ReportsNothing(string name)
    {
        var baked = Scenario.Shared(name);
        var shellcheck = ExternalTool.Require("shellcheck", "shellcheck");
        var local = baked.RootfsPath("/usr/local");
        // Relative paths from rootfs/usr/local, so "# shellcheck source=../lib.sh" resolves against SCRIPTDIR.
        var relative = Scripts(baked).Select(s => s["/usr/local/".Length..]).ToList();
        var result = ExternalTool.Run(shellcheck, ["-x", "--source-path=SCRIPTDIR", "--format=gcc", .. relative],
            workingDirectory: local);
        Assert.True(result.ExitCode == 0 && result.StandardOutput.Length == 0,
            $"shellcheck found problems in {name}:\n{result.StandardOutput}{result.StandardError}");
    }

    [Theory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void Scripts_Rendered_StepsAreExecutableAndStartWithBashShebang(string name)
    {
        var baked = Scenario.Shared(name);
        foreach (var path in Scripts(baked).Where(p => !p.EndsWith("/lib.sh", StringComparison.Ordinal)))
        {
            var file = baked.Rendered(path)!;
            Assert.Equal("0755", file.Permissions);
            Assert.StartsWith("#!/bin/bash\n", System.Text.Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
        }
    }
}

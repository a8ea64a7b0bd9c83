using GlanceBake.Core.Tests.Cases;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Targets;

/// <summary>
/// Issue 6, failing input 4: step 40 compares the installed Glance with the release the seed was baked for and
/// fails, naming both, when they differ. The rendered step runs under bash with dpkg-query and glance-manage stubbed.
/// </summary>
public sealed class GlanceVersionCheckTests
{
    private static ToolResult RunStep40(string release, string distro, string installedVersion)
    {
        var bundle = TestBake.Bake(TestBake.ForTarget(release, distro));
        var root = TestBake.NewTempDir();
        var lib = TestBake.WriteText(root, "lib.sh", TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/lib.sh"));
        var dpkgQuery = TestBake.WriteText(root, "stubs/dpkg-query",
            "#!/bin/sh\ncase \"$3\" in *Status*) printf 'install ok installed' ;; *Version*) printf '%s' \"$GB_TEST_VERSION\" ;; esac\n");
        var glanceManage = TestBake.WriteText(root, "stubs/glance-manage", "#!/bin/sh\nexit 0\n");
        foreach (var stub in new[] { dpkgQuery, glanceManage })
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(stub, (UnixFileMode)0b111_101_101);
            }
        }

        var step = TestBake.WriteText(root, "40-packages.sh", TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/40-packages.sh")
            .Replace("/usr/local/lib/glancebake/lib.sh", lib, StringComparison.Ordinal));
        var env = ExternalTool.Require("/usr/bin/env", "coreutils");
        return ExternalTool.Run(env, ["-i", $"PATH={root}/stubs:/usr/bin:/bin", $"GB_TEST_VERSION={installedVersion}", "/bin/bash", step],
            timeoutSeconds: 30);
    }

    [SkippableTheory]
    [InlineData("zed", "debian-12", "2:25.1.0-2+deb12u5")]
    [InlineData("2025.1", "debian-13", "2:30.0.0-3")]
    [InlineData("2025.1", "ubuntu-24.04", "2:30.0.0-0ubuntu1~cloud0")]
    public void Step40_InstalledGlanceIsTheBakedRelease_Passes(string release, string distro, string version)
    {
        var r = RunStep40(release, distro, version);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Contains($"Glance {version} is OpenStack {release}", r.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>The Cloud Archive pocket failed to read, so the distro's own 2024.1 (Glance 28) got installed.</summary>
    [SkippableTheory]
    [InlineData("2025.1", "ubuntu-24.04", "2:28.0.1-0ubuntu1", "Glance 30.x")]
    [InlineData("2025.1", "debian-13", "2:25.1.0-2+deb12u5", "Glance 30.x")]
    [InlineData("pike", "ubuntu-16.04", "2:12.0.0-0ubuntu1", "Glance 15.x")]
    public void Step40_InstalledGlanceIsAnotherRelease_FailsNamingBoth(string release, string distro, string version, string wanted)
    {
        var r = RunStep40(release, distro, version);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains($"installed Glance is {version} (glance-common), but this seed was baked for OpenStack {release} ({wanted})",
            r.StandardError, StringComparison.Ordinal);
    }
}

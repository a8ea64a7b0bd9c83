using GlanceBake.Core.Rendering;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>
/// C07: when cloud-init never runs the deferred write_files, the config step stops loudly before db_sync.
/// The rendered 50-config step and the runner are run for real in a sandbox: their absolute paths are rewritten
/// into a temporary root, and chown/chmod/install/systemctl are stubs on PATH (we are not on the target).
/// </summary>
public sealed class C07_MissingConfigStopsBeforeDbSyncTests
{
    private const string StepPath = "/usr/local/lib/glancebake/steps/50-config.sh";

    private sealed record Sandbox(string Root, string Script, string Conf, string StubLog);

    private static Sandbox MakeSandbox(string release = "2024.1", string distro = "ubuntu-24.04")
    {
        var bundle = TestBake.Bake(TestBake.ForTarget(release, distro));
        var root = TestBake.NewTempDir();
        var lib = TestBake.WriteText(root, "lib/lib.sh", TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/lib.sh"));
        var stubLog = Path.Combine(root, "stub.log");
        foreach (var tool in new[] { "chown", "chmod", "install", "systemctl" })
        {
            var stub = TestBake.WriteText(root, $"stubs/{tool}", $"#!/bin/sh\necho \"{tool} $*\" >> '{stubLog}'\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(stub, (UnixFileMode)0b111_101_101);
            }
        }

        var step = TestBake.Rootfs(bundle, StepPath)
            .Replace("/usr/local/lib/glancebake/lib.sh", lib, StringComparison.Ordinal)
            .Replace("/etc/glance/", root + "/etc/glance/", StringComparison.Ordinal);
        Assert.DoesNotContain(" /etc/", step);
        var script = TestBake.WriteText(root, "50-config.sh", step);
        Directory.CreateDirectory(Path.Combine(root, "etc", "glance"));
        return new Sandbox(root, script, Path.Combine(root, "etc", "glance", "glance-api.conf"), stubLog);
    }

    private static ToolResult RunStep(Sandbox s)
    {
        var env = ExternalTool.Require("/usr/bin/env", "coreutils");
        return ExternalTool.Run(env, ["-i", $"PATH={s.Root}/stubs:/usr/bin:/bin", "/bin/bash", s.Script], timeoutSeconds: 30);
    }

    [SkippableFact]
    public void ConfigStep_ApiConfMissing_StopsWithClearMessage()
    {
        var s = MakeSandbox();
        var r = RunStep(s);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("glance-api.conf is missing or empty", r.StandardError);
        Assert.Contains("defer: true", r.StandardError);
        Assert.False(File.Exists(s.StubLog), "the step went on after the check failed");
    }

    [SkippableFact]
    public void ConfigStep_ApiConfEmpty_StopsWithClearMessage()
    {
        var s = MakeSandbox();
        File.WriteAllText(s.Conf, "");
        var r = RunStep(s);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("glance-api.conf is missing or empty", r.StandardError);
    }

    [SkippableFact]
    public void ConfigStep_ApiConfIsThePackageDefault_StopsWithClearMessage()
    {
        var s = MakeSandbox();
        File.WriteAllText(s.Conf, "[DEFAULT]\n\n[database]\n#connection = <None>\n");
        var r = RunStep(s);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("is not the one this seed carries", r.StandardError);
        Assert.False(File.Exists(s.StubLog));
    }

    [SkippableFact]
    public void ConfigStep_ApiConfIsOurs_PassesAndSetsOwnerAndMode()
    {
        var s = MakeSandbox();
        var bundle = TestBake.Bake(TestBake.ExampleText);
        File.WriteAllText(s.Conf, TestBake.Rootfs(bundle, "/etc/glance/glance-api.conf"));
        var r = RunStep(s);
        Assert.True(r.ExitCode == 0, r.StandardError);
        var log = File.ReadAllText(s.StubLog);
        Assert.Contains($"chown root:glance {s.Conf}", log);
        Assert.Contains($"chmod 0640 {s.Conf}", log);
    }

    [SkippableFact]
    public void ConfigStep_PikeRegistryConfMissing_StopsWithClearMessage()
    {
        var s = MakeSandbox("pike", "ubuntu-16.04");
        File.WriteAllText(s.Conf, TestBake.Rootfs(TestBake.Bake(TestBake.ForTarget("pike", "ubuntu-16.04")),
            "/etc/glance/glance-api.conf"));
        var r = RunStep(s);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("glance-registry.conf is missing or empty", r.StandardError);
    }

    [Fact]
    public void Steps_ConfigRunsBeforeDbSync()
    {
        var steps = OutputManifest.AllSteps.ToList();
        Assert.True(steps.IndexOf("50-config") >= 0 && steps.IndexOf("50-config") < steps.IndexOf("60-db-sync"));
        var runner = TestBake.Rootfs(TestBake.Bake(TestBake.ExampleText), "/usr/local/sbin/glancebake-firstboot");
        Assert.True(runner.IndexOf("50-config", StringComparison.Ordinal) < runner.IndexOf("60-db-sync", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Runner_ConfigStepFails_DbSyncNeverRunsAndStatusNamesTheStep()
    {
        ExternalTool.Require("flock", "util-linux");
        var bundle = TestBake.Bake(TestBake.ExampleText);
        var root = TestBake.NewTempDir();
        var marker = Path.Combine(root, "db_sync-ran");
        foreach (var step in OutputManifest.AllSteps)
        {
            var body = step switch
            {
                "50-config" => "echo 'glance-api.conf is missing or empty' >&2; exit 1",
                "60-db-sync" => $"touch '{marker}'",
                _ => "exit 0",
            };
            TestBake.WriteText(root, $"steps/{step}.sh", $"#!/bin/bash\n{body}\n");
        }

        var runner = TestBake.Rootfs(bundle, "/usr/local/sbin/glancebake-firstboot")
            .Replace("/usr/local/lib/glancebake/steps", $"{root}/steps", StringComparison.Ordinal)
            .Replace("/var/log/glancebake", $"{root}/log", StringComparison.Ordinal)
            .Replace("/var/lib/glancebake", $"{root}/state", StringComparison.Ordinal)
            .Replace("/var/lib/cloud/data/instance-id", $"{root}/instance-id", StringComparison.Ordinal);
        var script = TestBake.WriteText(root, "runner.sh", runner);
        var r = TestBake.CleanBash($"PATH=/usr/bin:/bin; exec /bin/bash \"$1\"", script);

        Assert.NotEqual(0, r.ExitCode);
        Assert.False(File.Exists(marker), "db_sync ran although the config step failed");
        Assert.Contains("FAILED at step 50-config", r.StandardError);
        var status = File.ReadAllText(Path.Combine(root, "state", "status.json"));
        Assert.Contains("\"failed_step\": \"50-config\"", status);
        Assert.Contains("{\"name\": \"60-db-sync\", \"status\": \"skipped\"}", status);
    }
}

using System.Text.RegularExpressions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>
/// C09: commands that need installed packages run in the final stage (runcmd), never in bootcmd (which holds at most
/// the initramfs guard's sed on an essential file), and each step
/// checks with require_cmd that the tool it needs exists before using it.
/// </summary>
public sealed class C09_CommandsInFinalStageTests
{
    public static IEnumerable<object[]> Targets => TestBake.Targets.Select(t => new object[] { t.Release, t.Distro });

    [Theory]
    [MemberData(nameof(Targets))]
    public void Bake_AnyTarget_NoBootcmdAndRuncmdOnlyStartsTheRunner(string release, string distro)
    {
        var userData = TestBake.UserData(TestBake.Bake(TestBake.ForTarget(release, distro)));
        var keys = userData.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        // bootcmd holds at most the initramfs guard (issue 12): sh and sed from essential packages, nothing installed.
        if (keys.Contains("bootcmd"))
        {
            var p = TestBake.Load(TestBake.ForTarget(release, distro));
            Assert.True(GlanceBake.Core.Seed.InitramfsGuard.Applies(p), $"{release}/{distro}: bootcmd without the initramfs guard");
            var entry = Assert.Single(((YamlSequenceNode)userData["bootcmd"]).Children);
            Assert.Equal(GlanceBake.Core.Seed.InitramfsGuard.BootCommand,
                ((YamlSequenceNode)entry).Children.Select(c => ((YamlScalarNode)c).Value!).ToList());
        }

        Assert.DoesNotContain("early_commands", keys);
        var runcmd = (YamlSequenceNode)userData["runcmd"];
        var only = Assert.Single(runcmd.Children);
        Assert.Equal("/usr/local/sbin/glancebake-firstboot", ((YamlScalarNode)((YamlSequenceNode)only).Children.Single()).Value);
        // The tools the steps need arrive through cloud-init's packages module, which runs before runcmd's scripts;
        // from the Cloud Archive, through step 05, which runs before every other step.
        var packages = ((YamlSequenceNode)userData["packages"]).Children.Select(c => ((YamlScalarNode)c).Value).ToList();
        var target = TestBake.Load(TestBake.ForTarget(release, distro)).Target.Profile;
        if (target.InstallsFromCloudArchive)
        {
            Assert.Equal(["ubuntu-cloud-keyring"], packages);
            var step05 = StepScripts.For(release, distro)["05-cloud-archive"];
            Assert.Contains("packages=('glance' ", step05, StringComparison.Ordinal);
            Assert.Contains("'mariadb-client'", step05, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("glance", packages);
            Assert.Contains("mariadb-client", packages);
        }
    }

    /// <summary>Tool, the Debian package that gives it, and the words in a script that use it (lib.sh helpers included).</summary>
    private static readonly (string Tool, string Package, string[] Uses)[] Tools =
    [
        ("mysql", "mariadb-client", ["mysql", "db_admin"]),
        ("python3", "python3", ["python3", "http_ok", "http_status"]),
        ("openstack", "*openstackclient", ["openstack"]),
        ("glance-manage", "glance-common", ["glance-manage"]),
    ];

    private static void AssertEveryToolRequiredBeforeUse(string step, string script)
    {
        foreach (var (tool, package, uses) in Tools)
        {
            var firstUse = StepScripts.CodeLines(script)
                .Where(l => !l.Text.TrimStart().StartsWith("require_cmd ", StringComparison.Ordinal))
                .FirstOrDefault(l => uses.Any(u => Regex.IsMatch(l.Text, $@"(^|[\s;|&(""]){Regex.Escape(u)}($|[\s;|&)""])")));
            if (firstUse == default)
            {
                continue;
            }

            var require = StepScripts.CodeLines(script).FirstOrDefault(l =>
                Regex.IsMatch(l.Text, $@"^require_cmd {Regex.Escape(tool)} '?{(package.StartsWith('*') ? @"[^\s']*" + Regex.Escape(package[1..]) : Regex.Escape(package))}'?$"));
            Assert.True(require != default && require.Number < firstUse.Number,
                $"{step}: line {firstUse.Number} uses {tool} ({firstUse.Text.Trim()}) without 'require_cmd {tool} {package}' before it");
        }
    }

    public static IEnumerable<object[]> StepsAndTargets() =>
        from t in TestBake.Targets
        from s in GlanceBake.Core.Rendering.OutputManifest.Steps(TestBake.Load(TestBake.ForTarget(t.Release, t.Distro)).Target.Profile)
        select new object[] { t.Release, t.Distro, s };

    [Theory]
    [MemberData(nameof(StepsAndTargets))]
    public void Step_UsesPackagedTool_RequiresItFirst(string release, string distro, string step) =>
        AssertEveryToolRequiredBeforeUse(step, StepScripts.For(release, distro)[step]);

    [Fact]
    public void Lib_RequireCmd_StopsWithToolAndPackageNamed()
    {
        var bundle = TestBake.Bake(TestBake.ExampleText);
        var dir = TestBake.NewTempDir();
        var lib = TestBake.WriteText(dir, "lib.sh", TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/lib.sh"));
        var r = TestBake.CleanBash(". \"$1\"; require_cmd glance-manage-not-here glance-common; echo reached", lib);
        Assert.NotEqual(0, r.ExitCode);
        Assert.DoesNotContain("reached", r.StandardOutput);
        Assert.Contains("needs the command 'glance-manage-not-here' (package glance-common)", r.StandardError);
    }
}

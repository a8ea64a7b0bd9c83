using GlanceBake.Core.Tests.Cases;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Targets;

/// <summary>
/// Issue 6, failing input 5: GRANT ... IDENTIFIED BY, which MySQL 8.0 rejects (ERROR 1064), only where the server is
/// too old for CREATE USER IF NOT EXISTS + ALTER USER (MariaDB before 10.2, MySQL before 5.7.6). lib.sh's
/// <c>sql_has_alter_user</c> decides from SELECT VERSION(); it runs here under bash.
/// </summary>
public sealed class DatabaseSqlFormTests
{
    [SkippableTheory]
    [InlineData("10.0.38-MariaDB-0ubuntu0.16.04.1", false)]  // xenial
    [InlineData("10.1.48-MariaDB-0ubuntu0.18.04.1", false)]  // bionic: CREATE USER IF NOT EXISTS, but no ALTER USER
    [InlineData("10.2.0-MariaDB", true)]
    [InlineData("10.6.18-MariaDB-0ubuntu0.22.04.1", true)]   // jammy
    [InlineData("10.11.6-MariaDB-0+deb12u1", true)]          // bookworm
    [InlineData("11.8.2-MariaDB-1 from Debian", true)]        // trixie
    [InlineData("5.5.68-MariaDB", false)]
    [InlineData("5.7.5-m15", false)]
    [InlineData("5.7.6", true)]
    [InlineData("5.7.44-log", true)]
    [InlineData("8.0.36-0ubuntu0.22.04.1", true)]            // MySQL 8.0: must never get GRANT ... IDENTIFIED BY
    [InlineData("8.4.3", true)]
    [InlineData("", false)]
    public void SqlHasAlterUser_ServerVersion_ChoosesTheFormItAccepts(string version, bool modern)
    {
        var lib = TestBake.WriteText(TestBake.NewTempDir(), "lib.sh",
            TestBake.Rootfs(TestBake.Bake(TestBake.ExampleText), "/usr/local/lib/glancebake/lib.sh"));
        var r = TestBake.CleanBash($". '{lib}'; if sql_has_alter_user \"$1\"; then echo modern; else echo legacy; fi", version);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Equal(modern ? "modern\n" : "legacy\n", r.StandardOutput);
    }

    [Fact]
    public void Bake_DistroWithModernServer_CarriesNoLegacyGrantAndFailsClearlyOnAnOldServer()
    {
        var bundle = TestBake.Bake(TestBake.ForTarget("zed", "debian-12"));
        Assert.DoesNotContain(bundle.Rootfs, f => f.Path == "/etc/glancebake/glance-db-legacy.sql");
        var step = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/20-database.sh");
        Assert.Contains("this seed needs MariaDB 10.2 or later, or MySQL 5.7.6 or later", step, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pike", "ubuntu-16.04")]
    [InlineData("queens", "ubuntu-18.04")]
    public void Bake_DistroWithOldServer_CarriesBothFormsAndChoosesAtRunTime(string release, string distro)
    {
        var bundle = TestBake.Bake(TestBake.ForTarget(release, distro));
        Assert.Contains(bundle.Rootfs, f => f.Path == "/etc/glancebake/glance-db-legacy.sql");
        var step = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/20-database.sh");
        Assert.Contains("  sql=glance-db-legacy.sql", step, StringComparison.Ordinal);
        Assert.Contains("  sql=glance-db.sql", step, StringComparison.Ordinal);
    }
}

using GlanceBake.Core.Releases;
using Xunit;

namespace GlanceBake.Core.Tests.Releases;

/// <summary>
/// debian-13 (trixie) as the catalog must describe it. Checked with apt-cache against trixie main on 2026-11-30:
/// glance 2:30.0.0-3+deb13u5 (2025.1), python3-openstackclient 7.4.0-3, python3-pymysql 1.1.1-2, mariadb-server
/// 1:11.8.9 (unit mariadb.service); mariadb-client-core carries /usr/bin/mysql. tests/e2e (--target
/// 2025.1/debian-13) bakes and boots it.
/// </summary>
public sealed class Debian13CatalogTests
{
    [Fact]
    public void FindDistro_Debian13_IsTrixieWith2025_1NativeAndDebianPackageNames()
    {
        var d = ReleaseCatalog.FindDistro("debian-13");

        Assert.NotNull(d);
        Assert.Equal(("debian", "trixie", "2025.1"), (d.Family, d.Codename, d.NativeRelease));
        Assert.Empty(d.CloudArchiveReleases);
        Assert.Equal(("python3-openstackclient", "python3-pymysql", "mariadb.service"),
            (d.OpenStackClientPackage, d.PyMysqlPackage, d.DatabaseUnit));
        Assert.True(d.Supports("2025.1"));
        Assert.False(d.Supports("zed"));
        Assert.True(d.AsksDebconfQuestions);
    }
}

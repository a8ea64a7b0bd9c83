namespace GlanceBake.Core.Releases;

/// <summary>
/// A target distro: where its OpenStack packages come from and what they are called.
/// </summary>
/// <param name="Id">GlanceBake's id: <c>ubuntu-24.04</c>, <c>ubuntu-16.04</c>, <c>debian-12</c>.</param>
/// <param name="Family"><c>ubuntu</c> or <c>debian</c> (both apt-based).</param>
/// <param name="Codename">Suite code name (<c>noble</c>, <c>xenial</c>, <c>bookworm</c>).</param>
/// <param name="NativeRelease">The OpenStack release the distro's own archive carries.</param>
/// <param name="CloudArchiveReleases">Releases available from the Ubuntu Cloud Archive for this suite (empty on Debian).</param>
/// <param name="OpenStackClientPackage">The package that provides <c>openstack</c>.</param>
/// <param name="PyMysqlPackage">The PyMySQL driver package named by <c>mysql+pymysql://</c> in <c>[database] connection</c>.</param>
/// <param name="DatabaseUnit">The database server's systemd unit, for ordering (<c>mariadb.service</c>, <c>mysql.service</c>).</param>
public sealed record Distro(
    string Id,
    string Family,
    string Codename,
    string NativeRelease,
    IReadOnlyList<string> CloudArchiveReleases,
    string OpenStackClientPackage,
    string PyMysqlPackage,
    string DatabaseUnit)
{
    /// <summary>True for Debian, whose glance package asks debconf questions that must be preseeded.</summary>
    public bool AsksDebconfQuestions => Family == "debian";

    /// <summary>True when <paramref name="release"/> can be installed on this distro.</summary>
    public bool Supports(string release) => release == NativeRelease || CloudArchiveReleases.Contains(release);

    /// <summary>True when <paramref name="release"/> needs the Ubuntu Cloud Archive pocket.</summary>
    public bool NeedsCloudArchive(string release) => release != NativeRelease && CloudArchiveReleases.Contains(release);

    /// <summary>Every release this distro supports, native first.</summary>
    public IEnumerable<string> SupportedReleases => new[] { NativeRelease }.Concat(CloudArchiveReleases);
}

namespace GlanceBake.Core.Releases;

/// <summary>
/// The facts about one target distro, read from its data file <c>targets/distros/ID.yaml</c> (in the spirit of
/// openstack-ansible's <c>vars/debian.yml</c>): where its OpenStack packages come from, what the packages and units
/// are called, whether its Glance packages ask debconf questions, and the cloud-init version its images carry.
/// Each data file names its sources in comments. Templates read names from here; none names a package or unit itself.
/// </summary>
/// <param name="Id">GlanceBake's id, as written in <c>target.distro</c>: <c>debian-12</c>, <c>ubuntu-24.04</c>.</param>
/// <param name="Family"><c>debian</c> or <c>ubuntu</c>.</param>
/// <param name="Codename">Suite code name (<c>bookworm</c>, <c>noble</c>); the Cloud Archive pocket starts with it.</param>
/// <param name="PackageManager">The package manager the package steps are written for; only <c>apt</c> today.</param>
/// <param name="Debconf">True when the Glance packages ask debconf questions that the seed must preseed (Debian).</param>
/// <param name="CloudInit">The oldest cloud-init this distro's images carry (major.minor): the seed uses no cloud-init
/// feature newer than this (see <see cref="CloudInitFeatures"/>).</param>
/// <param name="Proof"><c>e2e</c> when a stage of tests/e2e runs the seed on real services for this distro;
/// <c>snapshot</c> when only snapshot and reader tests check it.</param>
/// <param name="NativeRelease">The OpenStack release the distro's own archive carries.</param>
/// <param name="CloudArchive">Releases the Ubuntu Cloud Archive carries for this suite, each with its pocket's code
/// name (<c>2025.1</c> → <c>epoxy</c>, pocket <c>noble-updates/epoxy</c>); empty on Debian.</param>
/// <param name="Packages">Package names.</param>
/// <param name="Python2Releases">Releases whose OpenStack packages are Python 2 on this distro; they use
/// <paramref name="Python2Packages"/>.</param>
/// <param name="Python2Packages">Package names for <paramref name="Python2Releases"/> (client and PyMySQL differ).</param>
/// <param name="Units">systemd unit names.</param>
/// <param name="LockPath">oslo.concurrency <c>lock_path</c> the packages create for the glance user.</param>
/// <param name="LegacyDatabaseServer">True when the distro's own database server predates <c>CREATE USER IF NOT
/// EXISTS</c> and <c>ALTER USER</c> (MariaDB before 10.2, MySQL before 5.7.6): the seed then also carries the old
/// <c>GRANT ... IDENTIFIED BY</c> form, which step 20 uses only when the server's <c>VERSION()</c> is that old.</param>
/// <param name="InstallRecommends">False when the first-boot install leaves out the packages' Recommends (apt's
/// <c>APT::Install-Recommends "false"</c>: cloud-init's <c>apt: conf</c> for its <c>packages</c> module,
/// <c>--no-install-recommends</c> in steps 05 and 40). Profile key <c>install_recommends</c>, default true (apt's
/// own default); a profile sets it to false only with measured evidence that Glance needs none of them.</param>
/// <param name="InitramfsGuard">True when the first-boot install runs with the <c>update-initramfs</c> trigger switched
/// off (<see cref="Seed.InitramfsGuard"/>). Profile key <c>initramfs_guard</c>, default false.</param>
public sealed record DistroProfile(
    string Id,
    string Family,
    string Codename,
    string PackageManager,
    bool Debconf,
    Version CloudInit,
    string Proof,
    string NativeRelease,
    IReadOnlyDictionary<string, string> CloudArchive,
    PackageNames Packages,
    IReadOnlyList<string> Python2Releases,
    PackageNames? Python2Packages,
    UnitNames Units,
    string LockPath,
    bool LegacyDatabaseServer,
    bool InstallRecommends = true,
    bool InitramfsGuard = false)
{
    /// <summary>True when <paramref name="release"/> can be installed on this distro.</summary>
    public bool Supports(string release) => release == NativeRelease || CloudArchive.ContainsKey(release);

    /// <summary>Every release this distro supports, in <see cref="ReleaseCatalog.Releases"/> order.</summary>
    public IEnumerable<string> SupportedReleases =>
        ReleaseCatalog.Releases.Select(r => r.Name).Where(Supports);

    /// <summary>The Ubuntu Cloud Archive pocket for <paramref name="release"/> (<c>noble-updates/epoxy</c>), or null
    /// when the distro's own archive carries it.</summary>
    public string? CloudArchivePocket(string release) =>
        release != NativeRelease && CloudArchive.TryGetValue(release, out var code) ? $"{Codename}-updates/{code}" : null;

    /// <summary>The package names for <paramref name="release"/> (Python 2 names where the release is Python 2 here).</summary>
    public PackageNames PackagesFor(string release) =>
        Python2Releases.Contains(release) && Python2Packages is not null ? Python2Packages : Packages;
}

/// <summary>Package names on one distro.</summary>
/// <param name="Glance">The package that installs the Glance API service (<c>glance</c>).</param>
/// <param name="GlanceVersion">The package whose version is Glance's (<c>glance-common</c>); step 40 checks it.</param>
/// <param name="Client">The package that provides <c>openstack</c>.</param>
/// <param name="DbClient">The package that provides <c>mysql</c> (the MariaDB client).</param>
/// <param name="Pymysql">The PyMySQL driver named by <c>mysql+pymysql://</c> in <c>[database] connection</c>.</param>
/// <param name="CloudArchiveKeyring">The distro's package holding the Ubuntu Cloud Archive signing key, or null.</param>
public sealed record PackageNames(
    string Glance, string GlanceVersion, string Client, string DbClient, string Pymysql, string? CloudArchiveKeyring);

/// <summary>systemd unit names on one distro.</summary>
/// <param name="Api">The Glance API service (<c>glance-api</c>).</param>
/// <param name="Registry">The Glance registry service, on releases that have it (<c>glance-registry</c>).</param>
/// <param name="Database">The database server's unit, for ordering (<c>mariadb.service</c>, <c>mysql.service</c>).</param>
public sealed record UnitNames(string Api, string Registry, string Database);

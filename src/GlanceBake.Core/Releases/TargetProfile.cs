namespace GlanceBake.Core.Releases;

/// <summary>
/// One supported (release, distro) pair with everything derived from the two in one place: the package names for
/// this release, the Cloud Archive pocket, and how files owned by the glance group reach the controller.
/// Templates see it as <c>target</c>.
/// </summary>
/// <param name="Release">The release's facts.</param>
/// <param name="Distro">The distro's profile.</param>
public sealed record TargetProfile(OpenStackRelease Release, DistroProfile Distro)
{
    /// <summary>Package names for this release on this distro.</summary>
    public PackageNames Packages => Distro.PackagesFor(Release.Name);

    /// <summary>The Ubuntu Cloud Archive pocket (<c>noble-updates/epoxy</c>), or null for the distro's own archive.</summary>
    public string? CloudArchivePocket => Distro.CloudArchivePocket(Release.Name);

    /// <summary>True when Glance comes from the Ubuntu Cloud Archive: step 40 then adds the pocket once the distro's
    /// keyring package is installed, and installs Glance itself (nothing is fetched from a keyserver).</summary>
    public bool InstallsFromCloudArchive => CloudArchivePocket is not null;

    /// <summary>True when the distro's cloud-init has <c>write_files</c> <c>defer</c>
    /// (<see cref="CloudInitFeatures.WriteFilesDefer"/>).</summary>
    public bool CloudInitHasDefer => Distro.CloudInit >= CloudInitFeatures.WriteFilesDefer;

    /// <summary>
    /// True when files owned by the glance group cannot be written by cloud-init once the group exists: its cloud-init
    /// lacks <c>defer</c>, or Glance is installed by step 40 (Cloud Archive) after cloud-init's deferred
    /// <c>write_files</c> ran. Such files are written root-only under <see cref="StagingFolder"/> and placed by step
    /// 50 with <c>install -o root -g glance -m 0640</c>.
    /// </summary>
    public bool StagesGlanceFiles => !CloudInitHasDefer || InstallsFromCloudArchive;

    /// <summary>Where staged files wait for step 50: the target path below this folder.</summary>
    public const string StagingFolder = "/etc/glancebake/staged";

    /// <summary>
    /// Glance's reserved file stores (glance/common/wsgi.py <c>RESERVED_STORES</c>), configured whenever
    /// <c>enabled_backends</c> is (multi-store): each gets a <c>[section] filesystem_store_datadir</c> and step 50
    /// creates the folder for the glance user. The folders are glance_store's own defaults
    /// (glance_store/multi_backend.py <c>register_store_opts</c>: <c>/var/lib/glance/&lt;store&gt;</c>), written out so
    /// reviewers see where staged uploads and task data go. Empty for the legacy <c>stores</c> form.
    /// </summary>
    public IReadOnlyList<ReservedStore> ReservedStores => Release.UsesBackends
        ? [new("os_glance_staging_store", "/var/lib/glance/os_glance_staging_store/"),
            new("os_glance_tasks_store", "/var/lib/glance/os_glance_tasks_store/")]
        : [];

    /// <summary>The Glance config files, registry first where the release has one.</summary>
    public IReadOnlyList<string> GlanceConfigs => Release.HasRegistry
        ? ["/etc/glance/glance-registry.conf", "/etc/glance/glance-api.conf"]
        : ["/etc/glance/glance-api.conf"];

    /// <summary>The Glance services to restart, registry first where the release has one.</summary>
    public IReadOnlyList<string> Services => Release.HasRegistry
        ? [Distro.Units.Registry, Distro.Units.Api]
        : [Distro.Units.Api];
}

/// <summary>One of Glance's reserved file stores.</summary>
/// <param name="Section">Its config section (<c>os_glance_staging_store</c>).</param>
/// <param name="Datadir">Its <c>filesystem_store_datadir</c>, with a trailing slash.</param>
public sealed record ReservedStore(string Section, string Datadir);

using GlanceBake.Core.Releases;

namespace GlanceBake.Core.Rendering;

/// <summary>What a rendered file is for: it decides how reviewers and the step list treat it.</summary>
public enum FileRole
{
    /// <summary>Configuration a service or tool reads (glance-api.conf, a drop-in, an apt source).</summary>
    Config,

    /// <summary>A first-boot step script under <c>/usr/local/lib/glancebake/steps/</c>; the runner runs them in
    /// path order.</summary>
    Step,

    /// <summary>The runner and the helpers the steps source.</summary>
    Runner,

    /// <summary>A file holding a password (root-only).</summary>
    Secret,
}

/// <summary>When a manifest row renders, decided by the target alone.</summary>
public enum RenderCondition
{
    /// <summary>Every target.</summary>
    Always,

    /// <summary>The release still has glance-registry (<see cref="OpenStackRelease.HasRegistry"/>).</summary>
    ReleaseHasRegistry,

    /// <summary>The distro's Glance packages ask debconf questions (<see cref="DistroProfile.Debconf"/>).</summary>
    DistroAsksDebconf,

    /// <summary>Glance comes from the Ubuntu Cloud Archive (<see cref="TargetProfile.InstallsFromCloudArchive"/>).</summary>
    InstallsFromCloudArchive,

    /// <summary>The distro's own database server predates <c>CREATE USER IF NOT EXISTS</c>/<c>ALTER USER</c>
    /// (MariaDB 10.0 on Ubuntu 16.04), so step 20 may need the <c>GRANT ... IDENTIFIED BY</c> form.</summary>
    DistroHasLegacyDatabaseServer,
}

/// <summary>One output file: its template, where it lands, with which owner and mode, whether cloud-init defers it
/// until the packages are installed, when it renders, and its role.</summary>
/// <param name="Template">Path under <c>templates/</c> (<c>rootfs/etc/glance/glance-api.conf.sbn</c>).</param>
/// <param name="Path">Absolute target path on the controller.</param>
/// <param name="Owner"><c>user:group</c>.</param>
/// <param name="Mode">Unix permission bits.</param>
/// <param name="Defer">True when the owner exists only once the packages are installed (the glance group).</param>
/// <param name="When">When it renders.</param>
/// <param name="Role">What it is for.</param>
public sealed record ManifestRow(string Template, string Path, string Owner, int Mode, bool Defer, RenderCondition When, FileRole Role)
{
    /// <summary>True when this row renders for <paramref name="target"/>.</summary>
    public bool AppliesTo(TargetProfile target) => When switch
    {
        RenderCondition.Always => true,
        RenderCondition.ReleaseHasRegistry => target.Release.HasRegistry,
        RenderCondition.DistroAsksDebconf => target.Distro.Debconf,
        RenderCondition.InstallsFromCloudArchive => target.InstallsFromCloudArchive,
        RenderCondition.DistroHasLegacyDatabaseServer => target.Distro.LegacyDatabaseServer,
        _ => throw new ArgumentOutOfRangeException(nameof(target), When, "unknown condition"),
    };

    /// <summary>The first-boot step's name (<c>30-keystone</c>) for <see cref="FileRole.Step"/> rows.</summary>
    public string StepName => System.IO.Path.GetFileNameWithoutExtension(Path);
}

/// <summary>
/// One row per output file (in the spirit of cloud-init's per-module <c>meta</c>). The renderer, user-data's
/// <c>write_files</c> and the runner's step list all derive from it; a test checks it matches <c>templates/</c>
/// one to one.
/// </summary>
public static class OutputManifest
{
    private const int RootOnly = 0b110_000_000;        // 0600
    private const int GroupReadable = 0b110_100_000;   // 0640
    private const int Readable = 0b110_100_100;        // 0644
    private const int Executable = 0b111_101_101;      // 0755
    private const string StepsDir = "/usr/local/lib/glancebake/steps/";

    /// <summary>Every row, sorted by target path.</summary>
    public static IReadOnlyList<ManifestRow> Rows { get; } = [.. new[]
    {
        Row("/etc/glance/glance-api.conf", "root:glance", GroupReadable, FileRole.Secret, defer: true),
        Row("/etc/glance/glance-registry.conf", "root:glance", GroupReadable, FileRole.Secret, RenderCondition.ReleaseHasRegistry, defer: true),
        Row("/etc/glancebake/cloudarchive.list", "root:root", Readable, FileRole.Config, RenderCondition.InstallsFromCloudArchive),
        Row("/etc/glancebake/debconf-selections", "root:root", Readable, FileRole.Config, RenderCondition.DistroAsksDebconf),
        Row("/etc/glancebake/glance-db.sql", "root:root", RootOnly, FileRole.Secret),
        Row("/etc/glancebake/glance-db-legacy.sql", "root:root", RootOnly, FileRole.Secret, RenderCondition.DistroHasLegacyDatabaseServer),
        Row("/etc/glancebake/mysql-admin.cnf", "root:root", RootOnly, FileRole.Secret),
        Row("/etc/glancebake/secrets.env", "root:root", RootOnly, FileRole.Secret),
        Row("/etc/systemd/system/glance-api.service.d/10-glancebake.conf", "root:root", Readable, FileRole.Config),
        Row("/etc/systemd/system/glance-registry.service.d/10-glancebake.conf", "root:root", Readable, FileRole.Config, RenderCondition.ReleaseHasRegistry),
        Row("/root/admin-openrc", "root:root", RootOnly, FileRole.Secret),
        Row("/usr/local/lib/glancebake/lib.sh", "root:root", Readable, FileRole.Runner),
        Row("/usr/local/lib/glancebake/openstack_api.py", "root:root", Readable, FileRole.Runner),
        Step("05-cloud-archive", RenderCondition.InstallsFromCloudArchive),
        Step("10-wait-services"), Step("20-database"), Step("30-keystone"), Step("40-packages"), Step("50-config"),
        Step("60-db-sync"), Step("70-restart"), Step("80-remove-sqlite"), Step("90-wait-glance"), Step("95-verify-image"),
        Row("/usr/local/sbin/glancebake-firstboot", "root:root", Executable, FileRole.Runner),
    }.OrderBy(r => r.Path, StringComparer.Ordinal)];

    /// <summary>The rows that render for <paramref name="target"/>, sorted by path.</summary>
    public static IEnumerable<ManifestRow> For(TargetProfile target) => Rows.Where(r => r.AppliesTo(target));

    /// <summary>The first-boot steps for <paramref name="target"/>, in run order (<c>10-wait-services</c> ...).</summary>
    public static IReadOnlyList<string> Steps(TargetProfile target) =>
        [.. For(target).Where(r => r.Role == FileRole.Step).Select(r => r.StepName)];

    /// <summary>Every first-boot step any target can have, in run order.</summary>
    public static IReadOnlyList<string> AllSteps { get; } =
        [.. Rows.Where(r => r.Role == FileRole.Step).Select(r => r.StepName)];

    private static ManifestRow Row(string path, string owner, int mode, FileRole role,
        RenderCondition when = RenderCondition.Always, bool defer = false) =>
        new($"rootfs{path}.sbn", path, owner, mode, defer, when, role);

    private static ManifestRow Step(string name, RenderCondition when = RenderCondition.Always) =>
        Row($"{StepsDir}{name}.sh", "root:root", Executable, FileRole.Step, when);
}

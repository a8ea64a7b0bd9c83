using GlanceBake.Core.Parameters;

namespace GlanceBake.Core.Seed;

/// <summary>
/// Keeps the first-boot package install from rebuilding the initramfs (issue 12). open-iscsi (a Depends of
/// python3-os-brick, which python3-glance-store depends on) and busybox/udev carry initramfs hooks and activate the
/// <c>update-initramfs</c> trigger; on an image with a kernel the trigger rebuilds the initramfs once (665 s of a
/// 1866 s first boot in a QEMU guest). The guard is initramfs-tools' own switch, <c>update_initramfs=no</c> in
/// <c>/etc/initramfs-tools/update-initramfs.conf</c> (update-initramfs(8): "disables any update to initramfs beside
/// kernel upgrade"; its <c>update()</c> then prints "Not updating initramfs." and exits 0): user-data's <c>bootcmd</c>
/// sets it once per instance (<c>cloud-init-per instance</c>) before cloud-init's packages module runs, only where the
/// file says <c>update_initramfs=yes</c>, and the first-boot runner puts <c>update_initramfs=yes</c> back before its
/// first step. The initramfs is not rebuilt afterwards: open-iscsi's hook only matters for an iSCSI root disk.
/// </summary>
public static class InitramfsGuard
{
    /// <summary>initramfs-tools' configuration file that update-initramfs sources (shell syntax).</summary>
    public const string ConfPath = "/etc/initramfs-tools/update-initramfs.conf";

    /// <summary>How the guarded line starts: a shell assignment and a comment naming GlanceBake, so that the restore
    /// touches only a line the guard wrote.</summary>
    public const string GuardPrefix = "update_initramfs=no # glancebake: ";

    /// <summary>The guarded line.</summary>
    public const string GuardedLine = GuardPrefix + "first-boot package install, restored by the runner";

    /// <summary>cloud-init-per's semaphore name (underscores: cloud-init-per renames dashed legacy names).</summary>
    public const string SemaphoreName = "glancebake_initramfs_guard";

    /// <summary>sed script that sets the guard where the file has initramfs-tools' default line.</summary>
    public const string GuardSed = "s/^update_initramfs=yes$/" + GuardedLine + "/";

    /// <summary>sed script that restores initramfs-tools' default line from <see cref="GuardedLine"/>.</summary>
    public const string RestoreSed = "s/^" + GuardPrefix + ".*$/update_initramfs=yes/";

    /// <summary>True when the seed guards the install: the distro's profile asks for it
    /// (<see cref="Releases.DistroProfile.InitramfsGuard"/>), packages are installed on first boot, and cloud-init's
    /// packages module installs Glance (the distro's own archive, not step 05's Cloud Archive).</summary>
    public static bool Applies(BakeParameters p) =>
        p.Packages.InstallOnFirstBoot && p.Target.Profile.Distro.InitramfsGuard && !p.Target.Profile.InstallsFromCloudArchive;

    /// <summary>The <c>bootcmd</c> entry (argv): <c>cloud-init-per instance NAME sh -c SCRIPT</c>; a root without
    /// initramfs-tools is left alone.</summary>
    public static IReadOnlyList<string> BootCommand =>
        ["cloud-init-per", "instance", SemaphoreName, "sh", "-c",
            $"[ ! -f {ConfPath} ] || sed -i '{GuardSed}' {ConfPath}"];
}

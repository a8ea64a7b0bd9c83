namespace GlanceBake.Core.Releases;

/// <summary>
/// The first cloud-init version of each cloud-init feature the seed may use, so that no seed relies on a feature its
/// distro's cloud-init lacks (<see cref="DistroProfile.CloudInit"/>). Source: cloud-init's ChangeLog and the first
/// tag holding each change (canonical/cloud-init).
/// </summary>
public static class CloudInitFeatures
{
    /// <summary><c>write_files</c> entries with <c>defer: true</c>, written in the final stage after the packages:
    /// first in 21.4 (module <c>write_files_deferred</c>; not in 21.3).</summary>
    public static readonly Version WriteFilesDefer = new(21, 4);

    /// <summary>Every user-data key path the seed can emit, with the first cloud-init that reads it. Keys older than
    /// the oldest supported distro's cloud-init (16.04's 21.1; bionic's GA 18.2) are listed at 0.7 for completeness.</summary>
    public static IReadOnlyDictionary<string, Version> Keys { get; } = new Dictionary<string, Version>(StringComparer.Ordinal)
    {
        ["hostname"] = new(0, 7),
        ["ssh_authorized_keys"] = new(0, 7),
        ["apt"] = new(0, 7, 8),                    // the "apt:" (v3) format: cloud-init 0.7.8
        ["apt.debconf_selections"] = new(0, 7, 8),
        // apt.conf text written to /etc/apt/apt.conf.d/94cloud-init-config: part of the v3 "apt:" format since 0.7.8
        // (the v1 top-level "apt_config" became "apt: conf"); read in 22.4.2 (bookworm) and 25.1.4 (trixie) by
        // cc_apt_configure.py apply_apt_config, and in their schema-cloud-config-v1.json (type string).
        ["apt.conf"] = new(0, 7, 8),
        ["package_update"] = new(0, 7),
        ["packages"] = new(0, 7),
        ["write_files"] = new(0, 7),
        ["write_files.path"] = new(0, 7),
        ["write_files.owner"] = new(0, 7),
        ["write_files.permissions"] = new(0, 7),
        ["write_files.content"] = new(0, 7),
        ["write_files.defer"] = WriteFilesDefer,
        ["runcmd"] = new(0, 7),
        ["bootcmd"] = new(0, 7),                   // cc_bootcmd; cloud-init-per (instance) ships with cloud-init too
    };
}

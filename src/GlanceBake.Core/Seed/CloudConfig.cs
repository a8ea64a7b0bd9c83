using GlanceBake.Core.Parameters;
using GlanceBake.Core.Rendering;
using YamlDotNet.RepresentationModel;
using static GlanceBake.Core.Seed.YamlDocumentWriter;

namespace GlanceBake.Core.Seed;

/// <summary>
/// Builds the NoCloud <c>user-data</c> (<c>#cloud-config</c>) as a YAML document: hostname, SSH keys, apt debconf
/// selections (Debian) and, where the distro's profile leaves Recommends out, an <c>apt: conf</c> snippet saying so,
/// <c>bootcmd</c> with the initramfs trigger guard where the profile asks for it (<see cref="InitramfsGuard"/>),
/// <c>packages</c> (only the Cloud Archive keyring where Glance comes from the Cloud Archive),
/// every rootfs file in <c>write_files</c> (owner root:glance files with <c>defer: true</c> where the distro's
/// cloud-init has it, 21.4+; else staged root-only for step 50), and <c>runcmd</c> that
/// starts the first-boot runner in cloud-init's final stage. Module keys per cloud-init's schema
/// (cloudinit/config/schemas/schema-cloud-config-v1.json).
/// </summary>
public static class CloudConfig
{
    /// <summary>The runner that <c>runcmd</c> starts.</summary>
    public const string Runner = "/usr/local/sbin/glancebake-firstboot";

    /// <summary>
    /// The <c>apt: conf</c> text for distros whose profile has <c>install_recommends: false</c>
    /// (<see cref="Releases.DistroProfile.InstallRecommends"/>): apt.conf(5) syntax, one option. cloud-init's apt
    /// module writes it verbatim to <c>/etc/apt/apt.conf.d/94cloud-init-config</c> (cc_apt_configure.py
    /// <c>apply_apt_config</c>, <c>APT_CONFIG_FN</c>), where it stays for later apt runs on the controller.
    /// </summary>
    public const string NoRecommendsAptConf = "APT::Install-Recommends \"false\";\n";

    /// <summary>Renders user-data bytes (UTF-8, LF, first line <c>#cloud-config</c>).</summary>
    public static byte[] Build(BakeParameters p, IReadOnlyList<RenderedFile> rootfs)
    {
        var target = p.Target.Profile;
        var root = new YamlMappingNode
        {
            { "hostname", Scalar(p.Controller.Hostname) },
        };
        if (p.Controller.SshAuthorizedKeys.Count > 0)
        {
            root.Add("ssh_authorized_keys", new YamlSequenceNode(p.Controller.SshAuthorizedKeys.Select(Scalar)));
        }

        if (p.Packages.InstallOnFirstBoot)
        {
            var apt = new YamlMappingNode();
            if (!target.Distro.InstallRecommends && !target.InstallsFromCloudArchive)
            {
                // cloud-init's packages module runs plain `apt-get install` (Recommends included): this apt.conf
                // snippet, written by the apt module in the config stage before it, leaves them out. Step 05 (Cloud
                // Archive) and step 40 pass --no-install-recommends themselves.
                apt.Add("conf", Scalar(NoRecommendsAptConf));
            }

            var selections = rootfs.FirstOrDefault(f => f.Path == "/etc/glancebake/debconf-selections");
            if (selections is not null)
            {
                apt.Add("debconf_selections", new YamlMappingNode
                {
                    { "glance", Scalar(Rendering.EscapeFilters.Utf8.GetString(selections.Content)) },
                });
            }

            if (apt.Children.Count > 0)
            {
                root.Add("apt", apt);
            }

            root.Add("package_update", Bool(true));
            // From the Cloud Archive, cloud-init installs only the distro's keyring package: step 05 then adds the
            // pocket (signed by that key, so nothing is fetched from a keyserver), installs the packages from it,
            // and fails loudly when apt cannot read the pocket. cloud-init's apt sources would only log that failure
            // (and fetch a keyid from a keyserver) and its packages module would install the distro's older Glance.
            var packages = target.InstallsFromCloudArchive
                ? [target.Packages.CloudArchiveKeyring
                    ?? throw new InvalidOperationException($"{target.Distro.Id} has Cloud Archive releases but no cloud_archive_keyring package")]
                : RootfsRenderer.PackageList(p, target);
            root.Add("packages", new YamlSequenceNode(packages.Select(Scalar)));
            if (InitramfsGuard.Applies(p))
            {
                // bootcmd runs in the init stage, before the packages module of the final stage.
                root.Add("bootcmd", new YamlSequenceNode(new YamlNode[] { new YamlSequenceNode(InitramfsGuard.BootCommand.Select(Scalar)) }));
            }
        }

        // Deferred entries last. Targets whose cloud-init lacks defer (before 21.4) get no deferred entries at all
        // (TargetProfile.StagesGlanceFiles); should an image still carry an older cloud-init than its profile says,
        // it stops write_files at the first owner it cannot set (the glance group), so everything root-owned, the
        // runner included, is written first and step 50 then fails loudly (case C07).
        var writeFiles = new YamlSequenceNode();
        foreach (var f in rootfs.OrderBy(f => f.Defer))
        {
            var entry = new YamlMappingNode
            {
                { "path", Scalar(f.Path) },
                { "owner", Scalar(f.Owner) },
                { "permissions", Quoted(f.Permissions) },
            };
            var text = Rendering.EscapeFilters.Utf8.GetString(f.Content);
            entry.Add("content", Scalar(text));
            if (f.Defer)
            {
                entry.Add("defer", Bool(true));
            }

            writeFiles.Add(entry);
        }

        root.Add("write_files", writeFiles);
        root.Add("runcmd", new YamlSequenceNode(new YamlNode[] { new YamlSequenceNode(Scalar(Runner)) }));
        return YamlDocumentWriter.Write(root, "#cloud-config");
    }
}

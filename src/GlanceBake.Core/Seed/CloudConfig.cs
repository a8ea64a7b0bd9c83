using GlanceBake.Core.Parameters;
using GlanceBake.Core.Rendering;
using YamlDotNet.RepresentationModel;
using static GlanceBake.Core.Seed.YamlDocumentWriter;

namespace GlanceBake.Core.Seed;

/// <summary>
/// Builds the NoCloud <c>user-data</c> (<c>#cloud-config</c>) as a YAML document: hostname, SSH keys, apt debconf
/// selections (Debian) and the Ubuntu Cloud Archive where needed, <c>packages</c>, every rootfs file in
/// <c>write_files</c> (owner root:glance files with <c>defer: true</c>, cloud-init 21.3+), and <c>runcmd</c> that
/// starts the first-boot runner in cloud-init's final stage. Module keys per cloud-init's schema
/// (cloudinit/config/schemas/schema-cloud-config-v1.json).
/// </summary>
public static class CloudConfig
{
    /// <summary>The runner that <c>runcmd</c> starts.</summary>
    public const string Runner = "/usr/local/sbin/glancebake-firstboot";

    /// <summary>Renders user-data bytes (UTF-8, LF, first line <c>#cloud-config</c>).</summary>
    public static byte[] Build(BakeParameters p, IReadOnlyList<RenderedFile> rootfs)
    {
        var release = p.Target.ReleaseInfo;
        var distro = p.Target.DistroInfo;
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
            var selections = rootfs.FirstOrDefault(f => f.Path == "/etc/glancebake/debconf-selections");
            if (selections is not null)
            {
                apt.Add("debconf_selections", new YamlMappingNode
                {
                    { "glance", Scalar(Rendering.EscapeFilters.Utf8.GetString(selections.Content)) },
                });
            }

            if (distro.NeedsCloudArchive(release.Name))
            {
                apt.Add("sources", new YamlMappingNode
                {
                    {
                        "cloudarchive-" + release.Name, new YamlMappingNode
                        {
                            { "source", Scalar($"deb http://ubuntu-cloud.archive.canonical.com/ubuntu $RELEASE-updates/{release.Name} main") },
                            // Canonical Cloud Packages signing key (the ubuntu-cloud-keyring key).
                            { "keyid", Scalar("5EDB1B62EC4926EA") },
                        }
                    },
                });
            }

            if (apt.Children.Count > 0)
            {
                root.Add("apt", apt);
            }

            root.Add("package_update", Bool(true));
            root.Add("packages", new YamlSequenceNode(RootfsRenderer.PackageList(p, distro).Select(Scalar)));
        }

        // Deferred entries last: a cloud-init older than 21.3 ignores defer and stops write_files at the first
        // owner it cannot set (the glance group), so everything root-owned, the runner included, is written first
        // and the config step then fails loudly (case C07) instead of nothing running at all.
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

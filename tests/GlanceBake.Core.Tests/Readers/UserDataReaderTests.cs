using System.Text.Json;
using GlanceBake.Core.Tests.Snapshots;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>PyYAML's safe_load (what cloud-init itself uses) reads user-data and meta-data as GlanceBake meant them.</summary>
public sealed class UserDataReaderTests
{
    // Prints user-data as JSON, with each write_files content as base64 of its UTF-8 bytes (exact-bytes check).
    private const string UserDataScript = """
        import base64, json, sys, yaml
        raw = open(sys.argv[1], 'rb').read()
        doc = yaml.safe_load(raw)
        for f in doc.get('write_files', []):
            f['content_b64'] = base64.b64encode(f.pop('content').encode('utf-8')).decode('ascii')
        print(json.dumps({'first_line': raw.split(b'\n', 1)[0].decode('utf-8'), 'doc': doc}))
        """;

    private const string MetaDataScript = """
        import json, sys, yaml
        print(json.dumps(yaml.safe_load(open(sys.argv[1], 'rb'))))
        """;

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void UserData_PyYamlSafeLoad_StartsWithCloudConfigAndRunsTheRunner(string name)
    {
        var baked = Scenario.Shared(name);
        var python = Python.Require("yaml", "python3-yaml");
        var result = Python.Json(python, UserDataScript, baked.PathOf("cidata/user-data"));

        Assert.Equal("#cloud-config", result.GetProperty("first_line").GetString());
        var doc = result.GetProperty("doc");
        Assert.Equal(JsonValueKind.Object, doc.ValueKind);
        Assert.Equal(baked.Parameters.Controller.Hostname, doc.GetProperty("hostname").GetString());
        var runcmd = doc.GetProperty("runcmd").EnumerateArray().ToList();
        Assert.Contains(runcmd, c => Command(c).SequenceEqual(["/usr/local/sbin/glancebake-firstboot"]));
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void UserData_PyYamlSafeLoad_EachWriteFilesEntryEqualsItsRootfsFileAndAttributes(string name)
    {
        var baked = Scenario.Shared(name);
        var python = Python.Require("yaml", "python3-yaml");
        var doc = Python.Json(python, UserDataScript, baked.PathOf("cidata/user-data")).GetProperty("doc");
        var entries = doc.GetProperty("write_files").EnumerateArray().ToList();

        // Root-owned files first, deferred (root:glance) ones last, each group sorted by path: a cloud-init
        // without defer support then still writes the runner before it fails on the glance group (case C07).
        var expectedOrder = baked.Bundle.Rootfs.OrderBy(f => f.Defer).ThenBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => f.Path);
        Assert.Equal(expectedOrder, entries.Select(e => e.GetProperty("path").GetString()));
        foreach (var e in entries)
        {
            var path = e.GetProperty("path").GetString()!;
            var rendered = baked.Rendered(path)!;
            var content = Convert.FromBase64String(e.GetProperty("content_b64").GetString()!);
            Assert.True(content.AsSpan().SequenceEqual(File.ReadAllBytes(baked.RootfsPath(path))),
                $"write_files content of {path} differs from rootfs{path}");
            Assert.Equal(rendered.Owner, e.GetProperty("owner").GetString());
            var permissions = e.GetProperty("permissions");
            Assert.True(permissions.ValueKind == JsonValueKind.String,
                $"{path}: permissions must load as a string (an unquoted 0640 is the integer 416), got {permissions}");
            Assert.Equal(rendered.Permissions, permissions.GetString());
            Assert.Equal(Convert.ToString(rendered.Mode, 8), Convert.ToString(Convert.ToInt32(permissions.GetString(), 8), 8));
            var defer = e.TryGetProperty("defer", out var d) && d.ValueKind == JsonValueKind.True;
            Assert.Equal(rendered.Defer, defer);
            Assert.False(e.TryGetProperty("encoding", out _), $"{path}: content is plain text, no encoding key");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void UserData_PyYamlSafeLoad_GlanceConfigsAreDeferredAndOwnedByGlanceGroup(string name)
    {
        var baked = Scenario.Shared(name);
        var python = Python.Require("yaml", "python3-yaml");
        var doc = Python.Json(python, UserDataScript, baked.PathOf("cidata/user-data")).GetProperty("doc");
        var staged = baked.Parameters.Target.Profile.StagesGlanceFiles;
        var folder = staged ? "/etc/glancebake/staged/etc/glance/" : "/etc/glance/";
        var confs = doc.GetProperty("write_files").EnumerateArray()
            .Where(e => e.GetProperty("path").GetString()!.StartsWith(folder, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(confs);
        Assert.All(confs, e =>
        {
            // Staged (no defer in the distro's cloud-init, or Glance from the Cloud Archive): root-only; step 50
            // installs them as root:glance 0640.
            Assert.Equal(staged ? "root:root" : "root:glance", e.GetProperty("owner").GetString());
            Assert.Equal(staged ? "0600" : "0640", e.GetProperty("permissions").GetString());
            Assert.Equal(!staged, e.TryGetProperty("defer", out var d) && d.GetBoolean());
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void MetaData_PyYamlSafeLoad_IsMappingWithInstanceIdAndLocalHostname(string name)
    {
        var baked = Scenario.Shared(name);
        var python = Python.Require("yaml", "python3-yaml");
        var doc = Python.Json(python, MetaDataScript, baked.PathOf("cidata/meta-data"));
        Assert.Equal(JsonValueKind.Object, doc.ValueKind);
        Assert.Equal(baked.Bundle.InstanceId, doc.GetProperty("instance-id").GetString());
        Assert.Equal(baked.Parameters.Controller.Hostname, doc.GetProperty("local-hostname").GetString());
        Assert.Equal(["instance-id", "local-hostname"], doc.EnumerateObject().Select(o => o.Name).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void NetworkConfig_PyYamlSafeLoad_IsVersion2WithTheStaticAddress(string name)
    {
        var baked = Scenario.Shared(name);
        var n = baked.Parameters.Controller.Network;
        if (n is null)
        {
            Assert.False(File.Exists(baked.PathOf("cidata/network-config")), "no network block, so no network-config");
            return;
        }

        var python = Python.Require("yaml", "python3-yaml");
        var doc = Python.Json(python, MetaDataScript, baked.PathOf("cidata/network-config"));
        Assert.Equal(2, doc.GetProperty("version").GetInt32());
        var eth = doc.GetProperty("ethernets").GetProperty(n.Interface);
        Assert.False(eth.GetProperty("dhcp4").GetBoolean());
        Assert.Equal(n.Addresses, eth.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()));
        if (n.Gateway is not null)
        {
            var route = Assert.Single(eth.GetProperty("routes").EnumerateArray());
            Assert.Equal(n.Gateway, route.GetProperty("via").GetString());
        }

        Assert.Equal(n.Nameservers, n.Nameservers.Count == 0 ? [] : eth.GetProperty("nameservers").GetProperty("addresses").EnumerateArray().Select(a => a.GetString()));
    }

    private static IEnumerable<string?> Command(JsonElement runcmdItem) =>
        runcmdItem.ValueKind == JsonValueKind.Array
            ? runcmdItem.EnumerateArray().Select(a => a.GetString())
            : [runcmdItem.GetString()];
}

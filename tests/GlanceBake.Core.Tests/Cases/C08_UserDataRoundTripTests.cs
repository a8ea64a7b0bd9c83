using System.Text;
using System.Text.Json;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>
/// C08: user-data is emitted by a YAML serializer: it starts with #cloud-config, PyYAML (cloud-init's loader) gives
/// back exactly the intended files, and cloud-init's schema check accepts it, whatever the values hold.
/// </summary>
public sealed class C08_UserDataRoundTripTests
{
    public static IEnumerable<object[]> Passwords => NastyValues.PasswordData;

    private const string LoadScript = """
        import json, sys, yaml
        with open(sys.argv[1], encoding='utf-8') as f:
            doc = yaml.safe_load(f)
        out = {
            'keys': sorted(doc),
            'hostname': doc['hostname'],
            'runcmd': doc['runcmd'],
            'files': {w['path']: w['content'] for w in doc['write_files']},
            'owners': {w['path']: w['owner'] for w in doc['write_files']},
            'permissions': {w['path']: w['permissions'] for w in doc['write_files']},
            'types': sorted({type(w['content']).__name__ + '/' + type(w['permissions']).__name__ for w in doc['write_files']}),
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=True))
        """;

    private static string Edited(string password) => TestBake.With(
        ("database.password", password), ("glance.password", password), ("keystone.admin.password", password),
        ("keystone.auth_url", "http://controller:5000"), ("keystone.www_authenticate_uri", "http://controller:5000"),
        ("glance.service.description", "Image service: #1 - key: value"),
        ("verification.image_name", "cirros #1: yes"));

    [Theory]
    [MemberData(nameof(Passwords))]
    public void Bake_NastyPassword_UserDataStartsWithCloudConfig(string password)
    {
        var bundle = TestBake.Bake(Edited(password));
        var bytes = bundle.Cidata.Single(c => c.Name == "user-data").Content;
        Assert.StartsWith("#cloud-config\n", Encoding.UTF8.GetString(bytes));
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB, "user-data has a BOM");
    }

    [SkippableTheory]
    [MemberData(nameof(Passwords))]
    public void Bake_NastyPassword_PyYamlGivesBackExactlyTheRootfsFiles(string password)
    {
        var bundle = TestBake.Bake(Edited(password));
        var dir = TestBake.Write(bundle);
        var result = TestBake.Python(LoadScript, Path.Combine(dir, "cidata", "user-data")).ShouldSucceed("yaml.safe_load");
        using var json = JsonDocument.Parse(result.StandardOutput);
        var files = json.RootElement.GetProperty("files");

        Assert.Equal(bundle.Rootfs.Select(f => f.Path).Order(StringComparer.Ordinal),
            files.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var f in bundle.Rootfs)
        {
            Assert.Equal(Encoding.UTF8.GetString(f.Content), files.GetProperty(f.Path).GetString());
            Assert.Equal(f.Permissions, json.RootElement.GetProperty("permissions").GetProperty(f.Path).GetString());
            Assert.Equal(f.Owner, json.RootElement.GetProperty("owners").GetProperty(f.Path).GetString());
            // The review copy under review/rootfs/ exists; it shows secrets as placeholders (ReviewTreeTests).
            Assert.True(File.Exists(Path.Combine(dir, "review", "rootfs" + f.Path)), f.Path);
        }

        Assert.Equal(["str/str"], json.RootElement.GetProperty("types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("controller", json.RootElement.GetProperty("hostname").GetString());
        Assert.Equal("[[\"/usr/local/sbin/glancebake-firstboot\"]]", json.RootElement.GetProperty("runcmd").GetRawText());
        // The password really is in the files (as each language writes it), so the round trip covered it.
        Assert.Contains(bundle.Rootfs, f => Encoding.UTF8.GetString(f.Content).Contains(password.Trim().Replace("$", "$$")));
    }

    [SkippableTheory]
    [MemberData(nameof(Passwords))]
    public void Bake_NastyPassword_CloudInitSchemaAcceptsUserData(string password)
    {
        var cloudInit = ExternalTool.Require("cloud-init", "cloud-init");
        var dir = TestBake.Write(TestBake.Bake(Edited(password)));
        var r = ExternalTool.Run(cloudInit, ["schema", "-c", Path.Combine(dir, "cidata", "user-data")]);
        Assert.True(r.ExitCode == 0, $"cloud-init schema rejected user-data:\n{r.StandardOutput}\n{r.StandardError}");
        Assert.Contains("Valid", r.StandardOutput + r.StandardError);
    }

    public static IEnumerable<object[]> Targets => TestBake.Targets.Select(t => new object[] { t.Release, t.Distro });

    [SkippableTheory]
    [MemberData(nameof(Targets))]
    public void Bake_AnyTarget_CloudInitSchemaAcceptsUserData(string release, string distro)
    {
        var cloudInit = ExternalTool.Require("cloud-init", "cloud-init");
        var dir = TestBake.Write(TestBake.Bake(TestBake.ForTarget(release, distro,
            ("controller.ssh_authorized_keys", new[] { "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host" }))));
        var r = ExternalTool.Run(cloudInit, ["schema", "-c", Path.Combine(dir, "cidata", "user-data")]);
        Assert.True(r.ExitCode == 0, $"cloud-init schema rejected user-data:\n{r.StandardOutput}\n{r.StandardError}");
    }
}

using System.Text.Json;
using GlanceBake.Core.Releases;
using GlanceBake.Core.Rendering;
using GlanceBake.Core.Tests.Snapshots;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>
/// Python's configparser, strict and without interpolation, parses glance-api.conf (and glance-registry.conf
/// where the release has it), and each value, read the way oslo.config reads it, is what the parameters say.
/// </summary>
public sealed class IniConfigTests
{
    // Prints {section: {option: raw value}}; DEFAULT included. strict=True refuses duplicate sections and options.
    private const string Script = """
        import configparser, json, sys
        cp = configparser.RawConfigParser(strict=True, interpolation=None)
        cp.optionxform = str
        with open(sys.argv[1], encoding='utf-8') as f:
            cp.read_file(f)
        out = {'DEFAULT': dict(cp.defaults())}
        for s in cp.sections():
            out[s] = {k: v for k, v in cp.items(s, raw=True) if k not in cp.defaults()}
        print(json.dumps(out))
        """;

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void GlanceApiConf_ConfigParserStrict_ValuesAreTheParameters(string name)
    {
        var baked = Scenario.Shared(name);
        var p = baked.Parameters;
        var release = ReleaseCatalog.FindRelease(p.Target.Release)!;
        var conf = Read(baked, "/etc/glance/glance-api.conf");

        var expected = new Dictionary<string, Dictionary<string, string>>
        {
            ["DEFAULT"] = [],
            ["database"] = new() { ["connection"] = RootfsRenderer.DatabaseUrl(p.Database) },
            ["keystone_authtoken"] = Authtoken(baked),
            ["paste_deploy"] = new() { ["flavor"] = p.Glance.PasteFlavor },
            ["oslo_concurrency"] = new() { ["lock_path"] = "/var/lock/glance" },
        };
        if (release.UsesBackends)
        {
            expected["DEFAULT"]["enabled_backends"] =
                string.Join(",", p.Glance.Stores.Select(s => (s == "file" ? "fs" : s) + ":" + s));
            expected["glance_store"] = new() { ["default_backend"] = p.Glance.DefaultStore == "file" ? "fs" : p.Glance.DefaultStore };
            expected["fs"] = new() { ["filesystem_store_datadir"] = p.Glance.FilesystemStoreDatadir };
            // Glance's reserved file stores (glance/common/wsgi.py RESERVED_STORES) at glance_store's defaults.
            expected["os_glance_staging_store"] = new() { ["filesystem_store_datadir"] = "/var/lib/glance/os_glance_staging_store/" };
            expected["os_glance_tasks_store"] = new() { ["filesystem_store_datadir"] = "/var/lib/glance/os_glance_tasks_store/" };
        }
        else
        {
            expected["glance_store"] = new()
            {
                ["stores"] = string.Join(",", p.Glance.Stores),
                ["default_store"] = p.Glance.DefaultStore,
                ["filesystem_store_datadir"] = p.Glance.FilesystemStoreDatadir,
            };
        }

        AssertSame(expected, conf, "glance-api.conf");
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void GlanceRegistryConf_ConfigParserStrict_PresentExactlyWhereTheReleaseHasTheRegistry(string name)
    {
        var baked = Scenario.Shared(name);
        var p = baked.Parameters;
        var release = ReleaseCatalog.FindRelease(p.Target.Release)!;
        Assert.Equal(p.Target.Release is "pike" or "queens" or "rocky" or "stein", release.HasRegistry);
        if (!release.HasRegistry)
        {
            Assert.Null(baked.Rendered("/etc/glance/glance-registry.conf"));
            return;
        }

        var conf = Read(baked, "/etc/glance/glance-registry.conf");
        var expected = new Dictionary<string, Dictionary<string, string>>
        {
            ["DEFAULT"] = [],
            ["database"] = new() { ["connection"] = RootfsRenderer.DatabaseUrl(p.Database) },
            ["keystone_authtoken"] = Authtoken(baked),
            ["paste_deploy"] = new() { ["flavor"] = p.Glance.PasteFlavor },
        };
        AssertSame(expected, conf, "glance-registry.conf");
    }

    [Theory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void GlanceConfs_KeystoneAuthtoken_UsesTheReleasesOptionNames(string name)
    {
        var baked = Scenario.Shared(name);
        var release = ReleaseCatalog.FindRelease(baked.Parameters.Target.Release)!;
        // keystonemiddleware: auth_uri until Queens (Pike is Glance 15), www_authenticate_uri from Rocky.
        var uriOption = release.GlanceMajor <= 16 ? "auth_uri" : "www_authenticate_uri";
        var text = System.Text.Encoding.UTF8.GetString(baked.Rendered("/etc/glance/glance-api.conf")!.Content);
        Assert.Contains($"\n{uriOption} = ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(uriOption == "auth_uri" ? "www_authenticate_uri" : "\nauth_uri", text, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Authtoken(BakedScenario baked)
    {
        var p = baked.Parameters;
        var release = ReleaseCatalog.FindRelease(p.Target.Release)!;
        return new()
        {
            [release.GlanceMajor <= 16 ? "auth_uri" : "www_authenticate_uri"] = p.Keystone.WwwAuthenticateUri,
            ["auth_url"] = p.Keystone.AuthUrl,
            ["memcached_servers"] = string.Join(",", p.Glance.MemcachedServers),
            ["auth_type"] = "password",
            ["project_domain_name"] = p.Glance.Domain,
            ["user_domain_name"] = p.Glance.Domain,
            ["project_name"] = p.Keystone.ServiceProject,
            ["username"] = p.Glance.User,
            ["password"] = p.Glance.Password,
        };
    }

    private static Dictionary<string, Dictionary<string, string>> Read(BakedScenario baked, string target)
    {
        var python = Python.Require("configparser", "python3");
        var json = Python.Json(python, Script, baked.RootfsPath(target));
        return json.EnumerateObject().ToDictionary(
            s => s.Name,
            s => s.Value.EnumerateObject().ToDictionary(o => o.Name, o => Oslo(o.Value.GetString()!)));
    }

    /// <summary>oslo.config's reading of a raw value: one pair of matching outer quotes stripped, <c>$$</c> is <c>$</c>.</summary>
    private static string Oslo(string raw)
    {
        var v = raw.Length >= 2 && raw[0] == raw[^1] && raw[0] is '"' or '\'' ? raw[1..^1] : raw;
        return v.Replace("$$", "$", StringComparison.Ordinal);
    }

    private static void AssertSame(Dictionary<string, Dictionary<string, string>> expected,
        Dictionary<string, Dictionary<string, string>> actual, string file)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (section, options) in expected)
        {
            Assert.True(options.Keys.Order(StringComparer.Ordinal).SequenceEqual(actual[section].Keys.Order(StringComparer.Ordinal)),
                $"{file} [{section}] has options {string.Join(", ", actual[section].Keys)}; expected {string.Join(", ", options.Keys)}");
            foreach (var (option, value) in options)
            {
                Assert.True(value == actual[section][option],
                    $"{file} [{section}] {option} reads as '{actual[section][option]}'; expected '{value}'");
            }
        }
    }
}

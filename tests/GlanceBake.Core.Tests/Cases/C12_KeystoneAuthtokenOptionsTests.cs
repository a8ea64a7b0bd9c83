using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>
/// C12: [keystone_authtoken] holds only option names keystonemiddleware knows for the chosen release. The lists
/// below are written here, independently of the product's ReleaseCatalog, from keystonemiddleware's
/// auth_token/_opts.py (_OPTS) plus keystoneauth1's loading.get_auth_common_conf_options() (auth_type,
/// auth_section) and its password plugin options.
/// </summary>
public sealed class C12_KeystoneAuthtokenOptionsTests
{
    private static readonly string[] PasswordPlugin =
    [
        "auth_url", "system_scope", "domain_id", "domain_name", "project_id", "project_name", "project_domain_id",
        "project_domain_name", "trust_id", "default_domain_id", "default_domain_name", "user_id", "username",
        "user_domain_id", "user_domain_name", "password",
    ];

    private static readonly string[] AuthCommon = ["auth_type", "auth_section"];

    // keystonemiddleware 4.17 (Pike): auth_uri only; PKI-era options still listed.
    private static readonly string[] PikeOpts =
    [
        "auth_uri", "auth_version", "delay_auth_decision", "http_connect_timeout", "http_request_max_retries", "cache",
        "certfile", "keyfile", "cafile", "insecure", "region_name", "signing_dir", "memcached_servers",
        "memcache_servers", "token_cache_time", "revocation_cache_time", "memcache_security_strategy",
        "memcache_secret_key", "memcache_pool_dead_retry", "memcache_pool_maxsize", "memcache_pool_socket_timeout",
        "memcache_pool_unused_timeout", "memcache_pool_conn_get_timeout", "memcache_use_advanced_pool",
        "include_service_catalog", "enforce_token_bind", "check_revocations_for_cached", "hash_algorithms",
        "service_token_roles", "service_token_roles_required",
    ];

    // keystonemiddleware from Rocky on: www_authenticate_uri replaces auth_uri (kept only as a deprecated name, which a
    // new file must not use); service_type, interface and the memcache TLS/SASL options were added later.
    private static readonly string[] ModernOpts =
    [
        "www_authenticate_uri", "auth_version", "interface", "delay_auth_decision", "http_connect_timeout",
        "http_request_max_retries", "cache", "certfile", "keyfile", "cafile", "insecure", "region_name",
        "memcached_servers", "token_cache_time", "memcache_security_strategy", "memcache_secret_key",
        "memcache_pool_dead_retry", "memcache_pool_maxsize", "memcache_pool_socket_timeout",
        "memcache_pool_unused_timeout", "memcache_pool_conn_get_timeout", "memcache_use_advanced_pool",
        "memcache_tls_enabled", "memcache_tls_cafile", "memcache_tls_certfile", "memcache_tls_keyfile",
        "memcache_tls_allowed_ciphers", "memcache_sasl_enabled", "memcache_username", "memcache_password",
        "include_service_catalog", "enforce_token_bind", "service_token_roles", "service_token_roles_required",
        "service_type",
    ];

    public static IEnumerable<object[]> Releases() =>
    [
        ["pike", "ubuntu-16.04", "/etc/glance/glance-api.conf"],
        ["pike", "ubuntu-16.04", "/etc/glance/glance-registry.conf"],
        ["queens", "ubuntu-16.04", "/etc/glance/glance-api.conf"],
        ["zed", "debian-12", "/etc/glance/glance-api.conf"],
        ["2024.1", "ubuntu-24.04", "/etc/glance/glance-api.conf"],
        ["2025.1", "ubuntu-24.04", "/etc/glance/glance-api.conf"],
    ];

    /// <summary>Keys of one INI section (first '=' or ':' splits; comments and continuation lines skipped).</summary>
    internal static List<string> SectionKeys(string ini, string section)
    {
        var keys = new List<string>();
        string? current = null;
        foreach (var raw in ini.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line[0] is '#' or ';' or ' ' or '\t')
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                current = line.Trim('[', ']');
                continue;
            }

            if (current == section)
            {
                var split = line.IndexOfAny(['=', ':']);
                keys.Add(line[..split].Trim());
            }
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public void Bake_Release_KeystoneAuthtokenHoldsOnlyKnownOptions(string release, string distro, string path)
    {
        var conf = TestBake.Rootfs(TestBake.Bake(TestBake.ForTarget(release, distro)), path);
        var keys = SectionKeys(conf, "keystone_authtoken");
        var known = (release is "pike" or "queens" ? PikeOpts : ModernOpts).Concat(AuthCommon).Concat(PasswordPlugin).ToHashSet();

        Assert.NotEmpty(keys);
        Assert.Equal(keys.Distinct().Count(), keys.Count);
        var unknown = keys.Where(k => !known.Contains(k)).ToList();
        Assert.True(unknown.Count == 0, $"{release} {path}: unknown [keystone_authtoken] options: {string.Join(", ", unknown)}");
        foreach (var needed in new[] { "auth_url", "auth_type", "username", "password", "project_name",
                     "user_domain_name", "project_domain_name", "memcached_servers" })
        {
            Assert.Contains(needed, keys);
        }
    }

    [Theory]
    [InlineData("pike", "ubuntu-16.04")]
    [InlineData("queens", "ubuntu-16.04")]
    public void Bake_PreRockyRelease_UsesAuthUriNotWwwAuthenticateUri(string release, string distro)
    {
        var keys = SectionKeys(TestBake.Rootfs(TestBake.Bake(TestBake.ForTarget(release, distro)), "/etc/glance/glance-api.conf"), "keystone_authtoken");
        Assert.Contains("auth_uri", keys);
        Assert.DoesNotContain("www_authenticate_uri", keys);
    }

    [Theory]
    [InlineData("zed", "debian-12")]
    [InlineData("2024.1", "ubuntu-24.04")]
    [InlineData("2025.1", "ubuntu-24.04")]
    public void Bake_RockyOrLater_UsesWwwAuthenticateUriNotAuthUri(string release, string distro)
    {
        var keys = SectionKeys(TestBake.Rootfs(TestBake.Bake(TestBake.ForTarget(release, distro)), "/etc/glance/glance-api.conf"), "keystone_authtoken");
        Assert.Contains("www_authenticate_uri", keys);
        Assert.DoesNotContain("auth_uri", keys);
    }
}

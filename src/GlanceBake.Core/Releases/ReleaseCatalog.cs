namespace GlanceBake.Core.Releases;

/// <summary>
/// The releases and distros GlanceBake knows. Facts come from each release's Glance install guide
/// (docs.openstack.org/glance/&lt;release&gt;/install/install-ubuntu.html), Glance release notes and
/// keystonemiddleware's <c>auth_token/_opts.py</c>:
/// registry removed in Victoria (dropped from the guide in Train); <c>www_authenticate_uri</c> from Rocky;
/// Keystone's admin port 35357 gone from Queens; the guide's <c>enabled_backends</c> form from 2023.2.
/// </summary>
public static class ReleaseCatalog
{
    // keystonemiddleware auth_token options (_opts.py) that a service config may set, plus the keystoneauth
    // password plugin options loaded by auth_type = password.
    private static readonly string[] AuthtokenCommon =
    [
        "auth_type", "auth_url", "auth_version", "cache", "cafile", "certfile", "delay_auth_decision",
        "enforce_token_bind", "http_connect_timeout", "http_request_max_retries", "include_service_catalog",
        "insecure", "keyfile", "memcache_pool_conn_get_timeout", "memcache_pool_dead_retry", "memcache_pool_maxsize",
        "memcache_pool_socket_timeout", "memcache_pool_unused_timeout", "memcache_secret_key",
        "memcache_security_strategy", "memcache_use_advanced_pool", "memcached_servers", "password",
        "project_domain_id", "project_domain_name", "project_id", "project_name", "region_name",
        "service_token_roles", "service_token_roles_required", "service_type", "token_cache_time",
        "user_domain_id", "user_domain_name", "user_id", "username",
    ];

    private static OpenStackRelease Release(string name, int major)
    {
        var authUri = major >= 17 ? "www_authenticate_uri" : "auth_uri";
        // auth_uri stays readable (deprecated) after Rocky; www_authenticate_uri is unknown before it.
        var options = AuthtokenCommon.Append("auth_uri");
        if (major >= 17)
        {
            options = options.Append("www_authenticate_uri");
        }

        return new OpenStackRelease(
            Name: name,
            GlanceMajor: major,
            HasRegistry: major <= 18,
            AuthUriOption: authUri,
            KeystoneAdminPort: major <= 15 ? 35357 : 5000,
            UsesBackends: major >= 27,
            KeystoneAuthtokenOptions: [.. options.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Known releases, oldest first.</summary>
    public static IReadOnlyList<OpenStackRelease> Releases { get; } =
    [
        Release("pike", 15), Release("queens", 16), Release("rocky", 17), Release("stein", 18),
        Release("train", 19), Release("ussuri", 20), Release("victoria", 21), Release("wallaby", 22),
        Release("xena", 23), Release("yoga", 24), Release("zed", 25), Release("2023.1", 26),
        Release("2023.2", 27), Release("2024.1", 28), Release("2024.2", 29), Release("2025.1", 30),
    ];

    /// <summary>Known distros, by id.</summary>
    public static IReadOnlyList<Distro> Distros { get; } =
    [
        // Ubuntu Cloud Archive: xenial carried newton..queens; noble carries dalmatian (2024.2) and later.
        new("debian-12", "debian", "bookworm", "zed", [], "python3-openstackclient", "python3-pymysql", "mariadb.service"),
        new("debian-13", "debian", "trixie", "2025.1", [], "python3-openstackclient", "python3-pymysql", "mariadb.service"),
        new("ubuntu-16.04", "ubuntu", "xenial", "mitaka", ["pike", "queens"], "python-openstackclient", "python-pymysql", "mysql.service"),
        new("ubuntu-24.04", "ubuntu", "noble", "2024.1", ["2024.2", "2025.1"], "python3-openstackclient",
            "python3-pymysql", "mariadb.service"),
    ];

    /// <summary>The release called <paramref name="name"/>, or null.</summary>
    public static OpenStackRelease? FindRelease(string name) =>
        Releases.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>The distro with id <paramref name="id"/>, or null.</summary>
    public static Distro? FindDistro(string id) =>
        Distros.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal));
}

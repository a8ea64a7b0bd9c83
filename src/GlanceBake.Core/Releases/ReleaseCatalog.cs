using System.Collections.Concurrent;

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

    private static OpenStackRelease Release(string name, string codeName, int major)
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
            CodeName: codeName,
            GlanceMajor: major,
            // glance-registry: deprecated in Queens, dropped from the install guide in Train, removed in Victoria;
            // GlanceBake renders it up to Stein, the last release whose guide configures it.
            HasRegistry: major <= 18,
            AuthUriOption: authUri,
            // Keystone's admin port 35357: the Pike guide's auth_url; gone from Queens (Keystone 13.0.0 notes).
            KeystoneAdminPort: major <= 15 ? 35357 : 5000,
            // The guide's enabled_backends = fs:file form: Glance's 2023.2 install guide (multi-store since Train).
            UsesBackends: major >= 27,
            KeystoneAuthtokenOptions: [.. options.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Known releases, oldest first. Glance majors and code names: releases.openstack.org (each release's
    /// Glance deliverable); from 2023.1 releases are numbered and the code name is only a name (Antelope ...).</summary>
    public static IReadOnlyList<OpenStackRelease> Releases { get; } =
    [
        Release("pike", "pike", 15), Release("queens", "queens", 16), Release("rocky", "rocky", 17),
        Release("stein", "stein", 18), Release("train", "train", 19), Release("ussuri", "ussuri", 20),
        Release("victoria", "victoria", 21), Release("wallaby", "wallaby", 22), Release("xena", "xena", 23),
        Release("yoga", "yoga", 24), Release("zed", "zed", 25), Release("2023.1", "antelope", 26),
        Release("2023.2", "bobcat", 27), Release("2024.1", "caracal", 28), Release("2024.2", "dalmatian", 29),
        Release("2025.1", "epoxy", 30), Release("2025.2", "flamingo", 31),
    ];

    /// <summary>Known distros, by id: the profiles in <c>targets/distros/*.yaml</c>.</summary>
    public static IReadOnlyList<DistroProfile> Distros => AllDistros.Value;

    private static readonly Lazy<IReadOnlyList<DistroProfile>> AllDistros =
        new(() => [.. DistroProfileReader.EmbeddedIds().Select(id => FindDistro(id)!)]);

    // Profiles read so far, by id (null: no such profile). A bake parses only the profile it targets: parsing all
    // seven was a twentieth of a bake's time.
    private static readonly ConcurrentDictionary<string, DistroProfile?> ProfilesById = new(StringComparer.Ordinal);

    /// <summary>Distros asked for but deliberately not offered, each with the reason the bake gives.</summary>
    public static IReadOnlyDictionary<string, string> Refused { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rocky-9"] = "rocky-9 (RDO, dnf) is not offered: no RDO mirror can be reached where GlanceBake is tested, so no seed for it has been checked against its packages",
    };

    /// <summary>Every supported (release, distro) pair, in release then distro order.</summary>
    public static IEnumerable<(OpenStackRelease Release, DistroProfile Distro)> Pairs =>
        from r in Releases from d in Distros where d.Supports(r.Name) select (r, d);

    /// <summary>The release called <paramref name="name"/>, or null.</summary>
    public static OpenStackRelease? FindRelease(string name) =>
        Releases.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>The distro with id <paramref name="id"/>, or null.</summary>
    public static DistroProfile? FindDistro(string id) => ProfilesById.GetOrAdd(id, DistroProfileReader.ReadEmbedded);
}

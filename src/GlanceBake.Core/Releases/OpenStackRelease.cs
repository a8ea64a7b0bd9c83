namespace GlanceBake.Core.Releases;

/// <summary>
/// What GlanceBake needs to know about one OpenStack release's Glance. Every fact is derived in
/// <see cref="ReleaseCatalog"/>, each with its source.
/// </summary>
/// <param name="Name">Release name as users write it: <c>pike</c> ... <c>zed</c>, then <c>2023.1</c> ...</param>
/// <param name="CodeName">The release's code name (<c>epoxy</c> for 2025.1); Ubuntu Cloud Archive pockets use it.</param>
/// <param name="GlanceMajor">Glance's major version in that release (pike = 15, zed = 25, 2025.1 = 30).</param>
/// <param name="HasRegistry">True where the release still ships glance-registry (pike ... stein).</param>
/// <param name="AuthUriOption"><c>auth_uri</c> before Rocky, <c>www_authenticate_uri</c> from Rocky (keystonemiddleware).</param>
/// <param name="KeystoneAdminPort">Default Keystone port for <c>auth_url</c>: 35357 in Pike, 5000 from Queens.</param>
/// <param name="UsesBackends">True from 2023.2, where the guide configures <c>enabled_backends = fs:file</c> and a
/// <c>[fs]</c> section instead of <c>[glance_store] stores</c>/<c>default_store</c>.</param>
/// <param name="KeystoneAuthtokenOptions">Option names accepted in <c>[keystone_authtoken]</c> for this release
/// (keystonemiddleware's auth_token options plus the keystoneauth password plugin's), sorted.</param>
public sealed record OpenStackRelease(
    string Name,
    string CodeName,
    int GlanceMajor,
    bool HasRegistry,
    string AuthUriOption,
    int KeystoneAdminPort,
    bool UsesBackends,
    IReadOnlyList<string> KeystoneAuthtokenOptions)
{
    /// <summary>True from Queens on, where Keystone no longer serves its admin API on port 35357 (Keystone's Queens
    /// release notes: the v2.0 admin API and its port were removed; every API is on 5000).</summary>
    public bool KeystoneAdminPortGone => GlanceMajor >= 16;

    /// <summary>True from Queens on, where Keystone's Identity v2.0 API is removed (Keystone 13.0.0 release notes).</summary>
    public bool IdentityV2Gone => GlanceMajor >= 16;

    /// <summary>The default of <c>[DEFAULT] image_cache_driver</c>: <c>sqlite</c> up to 2023.2, <c>centralized_db</c>
    /// from 2024.1 (Glance 28.0.0, <c>glance/image_cache/__init__.py</c>: <c>default='centralized_db'</c>), which
    /// records each worker under <c>worker_self_reference_url</c> in Glance's database.</summary>
    public string ImageCacheDriverDefault => GlanceMajor >= 28 ? "centralized_db" : "sqlite";

    /// <summary>True from 2025.1 (Glance 30.0.0, <c>glance/common/config.py</c>:
    /// <c>[image_format] require_image_format_match</c>, default true; release note image-safety-check-config): an
    /// upload whose content does not match its <c>disk_format</c> is refused.</summary>
    public bool RequiresImageFormatMatch => GlanceMajor >= 30;
}

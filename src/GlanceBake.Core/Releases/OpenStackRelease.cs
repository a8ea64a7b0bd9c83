namespace GlanceBake.Core.Releases;

/// <summary>
/// What GlanceBake needs to know about one OpenStack release's Glance (sources: the Glance install guide of each
/// release and the Glance/keystonemiddleware release notes; see docs in <see cref="ReleaseCatalog"/>).
/// </summary>
/// <param name="Name">Release name as users write it: <c>pike</c> ... <c>zed</c>, then <c>2023.1</c> ...</param>
/// <param name="GlanceMajor">Glance's major version in that release (pike = 15, zed = 25, 2024.1 = 28).</param>
/// <param name="HasRegistry">True where the release still ships glance-registry (removed in Victoria; the guide drops it from Train).</param>
/// <param name="AuthUriOption"><c>auth_uri</c> before Rocky, <c>www_authenticate_uri</c> from Rocky (keystonemiddleware).</param>
/// <param name="KeystoneAdminPort">Default Keystone port for <c>auth_url</c>: 35357 in Pike, 5000 from Queens.</param>
/// <param name="UsesBackends">True from 2023.2, where the guide configures <c>enabled_backends = fs:file</c> and a
/// <c>[fs]</c> section instead of <c>[glance_store] stores</c>/<c>default_store</c>.</param>
/// <param name="KeystoneAuthtokenOptions">Option names accepted in <c>[keystone_authtoken]</c> for this release
/// (keystonemiddleware's auth_token options plus the keystoneauth password plugin's), sorted.</param>
public sealed record OpenStackRelease(
    string Name,
    int GlanceMajor,
    bool HasRegistry,
    string AuthUriOption,
    int KeystoneAdminPort,
    bool UsesBackends,
    IReadOnlyList<string> KeystoneAuthtokenOptions);

namespace GlanceBake.Core.Parameters;

/// <summary>
/// The validated, immutable parameter file (schema 1). Built only by <see cref="ParameterLoader"/>; every value has
/// passed its check, and defaults are filled in. Group names follow the operator's view of the install guide.
/// </summary>
/// <param name="SourcePath">The parameter file as the user named it (used in diagnostics and the generated-by line).</param>
/// <param name="Target">Release and distro.</param>
/// <param name="Controller">The VM itself.</param>
/// <param name="Database">Glance's MariaDB database (guide steps 1, 2, 9).</param>
/// <param name="Keystone">The existing Keystone the guide assumes (steps 3, 5, 7, 10).</param>
/// <param name="Glance">Glance's service account, endpoints and options (steps 4-7, 9-13).</param>
/// <param name="Verification">The image uploaded to prove the service works (step 17).</param>
/// <param name="Packages">Whether first boot installs packages.</param>
public sealed record BakeParameters(
    string SourcePath,
    TargetParameters Target,
    ControllerParameters Controller,
    DatabaseParameters Database,
    KeystoneParameters Keystone,
    GlanceParameters Glance,
    VerificationParameters Verification,
    PackageParameters Packages);

/// <summary>OpenStack release and distro of the controller.</summary>
/// <param name="Release">Release name as in <see cref="Releases.ReleaseCatalog"/> (<c>pike</c>, <c>zed</c>, <c>2024.1</c>).</param>
/// <param name="Distro">Distro id (<c>ubuntu-24.04</c>, <c>ubuntu-16.04</c>, <c>debian-12</c>).</param>
public sealed record TargetParameters(string Release, string Distro);

/// <summary>The controller VM.</summary>
/// <param name="Hostname">RFC 1123 host name; meta-data <c>local-hostname</c>.</param>
/// <param name="ManagementIp">The controller's management address (the guide's 10.0.0.11).</param>
/// <param name="InstanceId">Pinned NoCloud instance-id, or null to derive one from the rendered seed.</param>
/// <param name="SshAuthorizedKeys">Public keys for the default user, in file order.</param>
/// <param name="Network">Static network settings, or null for the image's default (DHCP).</param>
public sealed record ControllerParameters(
    string Hostname,
    string ManagementIp,
    string? InstanceId,
    IReadOnlyList<string> SshAuthorizedKeys,
    NetworkParameters? Network);

/// <summary>A static interface, emitted as network-config version 2.</summary>
/// <param name="Interface">Interface name (<c>ens3</c>).</param>
/// <param name="Addresses">Addresses in CIDR form.</param>
/// <param name="Gateway">Default gateway, or null.</param>
/// <param name="Nameservers">DNS servers, possibly empty.</param>
public sealed record NetworkParameters(
    string Interface, IReadOnlyList<string> Addresses, string? Gateway, IReadOnlyList<string> Nameservers);

/// <summary>Glance's database.</summary>
/// <param name="Host">MariaDB host (IP or name).</param>
/// <param name="Name">Database name.</param>
/// <param name="User">Database user granted on <c>Name.*</c>.</param>
/// <param name="Password">The user's password (secret).</param>
/// <param name="Admin">How first boot reaches MariaDB as an administrator.</param>
public sealed record DatabaseParameters(string Host, string Name, string User, string Password, DatabaseAdmin Admin);

/// <summary>How first boot connects to MariaDB as administrator.</summary>
/// <param name="Method"><c>socket</c> (local root over the unix socket) or <c>password</c>.</param>
/// <param name="User">Admin user for <c>password</c>.</param>
/// <param name="Password">Admin password for <c>password</c> (secret).</param>
/// <param name="Host">Host for <c>password</c>; defaults to the database host.</param>
public sealed record DatabaseAdmin(string Method, string? User, string? Password, string? Host)
{
    /// <summary>True for local root over the unix socket.</summary>
    public bool UsesSocket => Method == "socket";
}

/// <summary>The existing Keystone.</summary>
/// <param name="AuthUrl"><c>[keystone_authtoken] auth_url</c>, without <c>/v3</c> (admin-openrc appends it).</param>
/// <param name="WwwAuthenticateUri"><c>www_authenticate_uri</c> (<c>auth_uri</c> before Rocky).</param>
/// <param name="Region">Region of the endpoints (<c>RegionOne</c>).</param>
/// <param name="ServiceProject">Project of service users (<c>service</c>).</param>
/// <param name="ServiceRole">Role given to the glance user on it (<c>admin</c>).</param>
/// <param name="Admin">What admin-openrc holds.</param>
public sealed record KeystoneParameters(
    string AuthUrl, string WwwAuthenticateUri, string Region, string ServiceProject, string ServiceRole,
    KeystoneAdmin Admin);

/// <summary>Keystone admin credentials (the guide's admin-openrc).</summary>
/// <param name="Username">OS_USERNAME.</param>
/// <param name="Password">OS_PASSWORD (secret).</param>
/// <param name="ProjectName">OS_PROJECT_NAME.</param>
/// <param name="UserDomainName">OS_USER_DOMAIN_NAME.</param>
/// <param name="ProjectDomainName">OS_PROJECT_DOMAIN_NAME.</param>
public sealed record KeystoneAdmin(
    string Username, string Password, string ProjectName, string UserDomainName, string ProjectDomainName);

/// <summary>Glance itself.</summary>
/// <param name="User">Service user name in Keystone (<c>glance</c>).</param>
/// <param name="Password">Its password (secret).</param>
/// <param name="Email">Its e-mail.</param>
/// <param name="Domain">Its domain (<c>default</c>).</param>
/// <param name="ServiceName">Catalog service name (<c>glance</c>).</param>
/// <param name="ServiceType">Catalog service type (<c>image</c>).</param>
/// <param name="ServiceDescription">Catalog description.</param>
/// <param name="PublicEndpoint">Public endpoint URL.</param>
/// <param name="InternalEndpoint">Internal endpoint URL.</param>
/// <param name="AdminEndpoint">Admin endpoint URL.</param>
/// <param name="MemcachedServers"><c>host:port</c> entries.</param>
/// <param name="Stores">Enabled store types (<c>file</c>, <c>http</c>).</param>
/// <param name="DefaultStore">The store new images go to.</param>
/// <param name="FilesystemStoreDatadir">Directory of the file store, absolute, ending in <c>/</c> as in the guide.</param>
/// <param name="PasteFlavor"><c>[paste_deploy] flavor</c>.</param>
public sealed record GlanceParameters(
    string User, string Password, string Email, string Domain,
    string ServiceName, string ServiceType, string ServiceDescription,
    string PublicEndpoint, string InternalEndpoint, string AdminEndpoint,
    IReadOnlyList<string> MemcachedServers, IReadOnlyList<string> Stores, string DefaultStore,
    string FilesystemStoreDatadir, string PasteFlavor);

/// <summary>The verification upload (guide step 17).</summary>
/// <param name="ImageName">Image name in Glance.</param>
/// <param name="DiskFormat">Glance disk format (<c>qcow2</c>, <c>raw</c>, ...).</param>
/// <param name="ContainerFormat">Glance container format (<c>bare</c>).</param>
/// <param name="Visibility"><c>public</c>, <c>private</c>, <c>shared</c> or <c>community</c>.</param>
/// <param name="ImageFile">Full path of an image to embed on the ISO, or null to generate a tiny one.</param>
public sealed record VerificationParameters(
    string ImageName, string DiskFormat, string ContainerFormat, string Visibility, string? ImageFile);

/// <summary>Package handling at first boot.</summary>
/// <param name="Install"><c>first-boot</c> or <c>present-in-image</c>.</param>
/// <param name="Extra">More packages to install, in file order.</param>
public sealed record PackageParameters(string Install, IReadOnlyList<string> Extra)
{
    /// <summary>True when cloud-init installs the packages on first boot.</summary>
    public bool InstallOnFirstBoot => Install == "first-boot";
}

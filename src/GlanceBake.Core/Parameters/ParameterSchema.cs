namespace GlanceBake.Core.Parameters;

/// <summary>
/// Every key of the schema-1 parameter file with its default: the install guide's values
/// (<c>../shared/seed/steps.md</c>). Defaults derived from <c>controller.management_ip</c> (the guide's controller
/// address) say so in their <see cref="ParameterKey.Doc"/> and are filled in by <see cref="ParameterBinder"/>.
/// </summary>
internal static class ParameterSchema
{
    /// <summary><c>target</c>.</summary>
    public static class Target
    {
        public static readonly ParameterKey Release = new("release", "2024.1", Doc: "OpenStack release (glancebake targets lists them)");
        public static readonly ParameterKey Distro = new("distro", "ubuntu-24.04", Doc: "distro profile id (targets/distros/ID.yaml)");
        public static readonly ParameterSection Section = new("target", false, [Release, Distro], []);
    }

    /// <summary><c>controller.network</c>: network-config v2 for one interface.</summary>
    public static class Network
    {
        public static readonly ParameterKey Interface = new("interface", Required: true, Doc: "interface name (ens3)");
        public static readonly ParameterKey Addresses = new("addresses", Required: true, Doc: "addresses with prefix length (10.0.0.11/24), at least one", Kind: ParameterKind.List, NonEmpty: true);
        public static readonly ParameterKey Gateway = new("gateway", Doc: "IPv4/IPv6 gateway");
        public static readonly ParameterKey Nameservers = new("nameservers", Doc: "DNS server addresses", Kind: ParameterKind.List);
        public static readonly ParameterSection Section = new("network", false, [Interface, Addresses, Gateway, Nameservers], []);
    }

    /// <summary><c>controller</c>.</summary>
    public static class Controller
    {
        public static readonly ParameterKey Hostname = new("hostname", "controller", Doc: "host name (RFC 1123)");
        public static readonly ParameterKey ManagementIp = new("management_ip", Required: true, Doc: "the controller's management address; many defaults derive from it");
        public static readonly ParameterKey InstanceId = new("instance_id", Doc: "NoCloud instance-id; default: derived from the seed's content");
        public static readonly ParameterKey SshAuthorizedKeys = new("ssh_authorized_keys", Doc: "SSH public keys for the default user", Kind: ParameterKind.List);
        public static readonly ParameterSection Section =
            new("controller", true, [Hostname, ManagementIp, InstanceId, SshAuthorizedKeys], [Network.Section]);
    }

    /// <summary><c>database.admin</c>: how first boot reaches MariaDB as administrator.</summary>
    public static class DatabaseAdmin
    {
        public static readonly ParameterKey Method = new("method", "socket", Choices: ["socket", "password"], Doc: "socket: local root over the unix socket; password: user/password/host");
        public static readonly ParameterKey User = new("user", "root", Doc: "with method: password");
        public static readonly ParameterKey Password = new("password", Doc: "with method: password (secret)");
        public static readonly ParameterKey Host = new("host", Doc: "with method: password; default: database.host");
        public static readonly ParameterSection Section = new("admin", false, [Method, User, Password, Host], []);
    }

    /// <summary><c>database</c>: guide steps 1-2.</summary>
    public static class Database
    {
        public static readonly ParameterKey Host = new("host", Doc: "database server; default: controller.management_ip");
        public static readonly ParameterKey Name = new("name", "glance", Doc: "database name");
        public static readonly ParameterKey User = new("user", "glance", Doc: "database user");
        public static readonly ParameterKey Password = new("password", Required: true, Doc: "database password (secret)");
        public static readonly ParameterSection Section = new("database", true, [Host, Name, User, Password], [DatabaseAdmin.Section]);
    }

    /// <summary><c>keystone.admin</c>: what admin-openrc holds.</summary>
    public static class KeystoneAdmin
    {
        public static readonly ParameterKey Username = new("username", "admin");
        public static readonly ParameterKey Password = new("password", Required: true, Doc: "Keystone admin password (secret)");
        public static readonly ParameterKey ProjectName = new("project_name", "admin");
        public static readonly ParameterKey UserDomainName = new("user_domain_name", "Default");
        public static readonly ParameterKey ProjectDomainName = new("project_domain_name", "Default");
        public static readonly ParameterSection Section =
            new("admin", true, [Username, Password, ProjectName, UserDomainName, ProjectDomainName], []);
    }

    /// <summary><c>keystone</c>: guide steps 3-7 and <c>[keystone_authtoken]</c>.</summary>
    public static class Keystone
    {
        public static readonly ParameterKey AuthUrl = new("auth_url", Doc: "Keystone's base URL; default: http://management_ip:5000 (35357 on Pike)");
        public static readonly ParameterKey WwwAuthenticateUri = new("www_authenticate_uri", Doc: "default: http://management_ip:5000 (auth_uri before Rocky)");
        public static readonly ParameterKey Region = new("region", "RegionOne");
        public static readonly ParameterKey ServiceProject = new("service_project", "service");
        public static readonly ParameterKey ServiceRole = new("service_role", "admin");
        public static readonly ParameterSection Section =
            new("keystone", true, [AuthUrl, WwwAuthenticateUri, Region, ServiceProject, ServiceRole], [KeystoneAdmin.Section]);
    }

    /// <summary><c>glance.service</c>: the catalog entry.</summary>
    public static class GlanceService
    {
        public static readonly ParameterKey Name = new("name", "glance");
        public static readonly ParameterKey Type = new("type", "image");
        public static readonly ParameterKey Description = new("description", "OpenStack Image service");
        public static readonly ParameterSection Section = new("service", false, [Name, Type, Description], []);
    }

    /// <summary><c>glance.endpoints</c>: default http://management_ip:9292 each.</summary>
    public static class GlanceEndpoints
    {
        public static readonly ParameterKey Public = new("public", Doc: "default: http://management_ip:9292");
        public static readonly ParameterKey Internal = new("internal", Doc: "default: http://management_ip:9292");
        public static readonly ParameterKey Admin = new("admin", Doc: "default: http://management_ip:9292");
        public static readonly ParameterSection Section = new("endpoints", false, [Public, Internal, Admin], []);
    }

    /// <summary><c>glance</c>: guide steps 3-13.</summary>
    public static class Glance
    {
        public static readonly ParameterKey User = new("user", "glance");
        public static readonly ParameterKey Password = new("password", Required: true, Doc: "glance service password (secret)");
        public static readonly ParameterKey Email = new("email", "glance@example.com");
        public static readonly ParameterKey Domain = new("domain", "default");
        public static readonly ParameterKey MemcachedServers = new("memcached_servers", Doc: "host:port list; default: management_ip:11211", Kind: ParameterKind.List);
        public static readonly ParameterKey Stores = new("stores", Choices: ["file", "http"], Doc: "store types, each once; default: file, http", Kind: ParameterKind.List, NonEmpty: true);
        public static readonly ParameterKey DefaultStore = new("default_store", "file", Choices: ["file"]);
        public static readonly ParameterKey FilesystemStoreDatadir = new("filesystem_store_datadir", "/var/lib/glance/images/");
        public static readonly ParameterKey PasteFlavor = new("paste_flavor", "keystone", Choices: ["keystone"],
            Doc: "[paste_deploy] flavor: keystone, the guide's; the image cache flavors are refused (not checked on real services)");
        public static readonly ParameterSection Section = new("glance", true,
            [User, Password, Email, Domain, MemcachedServers, Stores, DefaultStore, FilesystemStoreDatadir, PasteFlavor],
            [GlanceService.Section, GlanceEndpoints.Section]);
    }

    /// <summary><c>verification</c>: guide step 16, the image upload that must become active.</summary>
    public static class Verification
    {
        public static readonly ParameterKey ImageName = new("image_name", "cirros-0.3.5-x86_64");
        public static readonly ParameterKey DiskFormat = new("disk_format", "qcow2",
            Choices: ["ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop"]);
        public static readonly ParameterKey ContainerFormat = new("container_format", "bare",
            Choices: ["ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"]);
        public static readonly ParameterKey Visibility = new("visibility", "public", Choices: ["public", "private", "shared", "community"]);
        public static readonly ParameterKey ImageFile = new("image_file", Doc: "image to embed, relative to the parameter file; default: a tiny generated image");
        public static readonly ParameterSection Section =
            new("verification", false, [ImageName, DiskFormat, ContainerFormat, Visibility, ImageFile], []);
    }

    /// <summary><c>packages</c>.</summary>
    public static class Packages
    {
        public static readonly ParameterKey Install = new("install", "first-boot", Choices: ["first-boot", "present-in-image"]);
        public static readonly ParameterKey Extra = new("extra", Doc: "more Debian package names", Kind: ParameterKind.List);
        public static readonly ParameterSection Section = new("packages", false, [Install, Extra], []);
    }

    /// <summary>The document.</summary>
    public static class Root
    {
        public static readonly ParameterKey Schema = new("schema", Required: true, Doc: "parameter file schema version: 1", Kind: ParameterKind.Integer);
        public static readonly ParameterSection Section = new("", true, [Schema],
            [Target.Section, Controller.Section, Database.Section, Keystone.Section, Glance.Section, Verification.Section, Packages.Section]);
    }
}

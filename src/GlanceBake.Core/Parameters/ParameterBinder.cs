using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Releases;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Parameters;

/// <summary>
/// Binds the YAML tree of a schema-1 parameter file to <see cref="BakeParameters"/>, checking each value where it
/// is read so that diagnostics carry its position. Defaults are the install guide's values, derived from
/// <c>controller.management_ip</c> where the guide uses the controller's address.
/// </summary>
internal sealed partial class ParameterBinder(YamlMappingNode root, string file, string baseDirectory, DiagnosticBag bag)
{
    // The stores GlanceBake renders configuration for (the install guide's); swift, rbd, cinder, vsphere and s3
    // need sections and packages GlanceBake does not write yet.
    private static readonly string[] Stores = ["file", "http"];
    private static readonly string[] DiskFormats =
        ["ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop"];
    private static readonly string[] ContainerFormats = ["ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"];
    private static readonly string[] Visibilities = ["public", "private", "shared", "community"];

    public BakeParameters Bind()
    {
        var top = new YamlSection(root, "", file, bag,
            "schema", "target", "controller", "database", "keystone", "glance", "verification", "packages");

        var schema = top.Integer("schema", required: true);
        if (schema is not null and not ParameterLoader.SchemaVersion)
        {
            bag.Error(DiagnosticCodes.SchemaVersion,
                $"schema {schema} is not supported; this GlanceBake reads schema {ParameterLoader.SchemaVersion}",
                top.At("schema"));
        }

        var (target, release) = BindTarget(top);
        var controller = BindController(top);
        var ip = controller.ManagementIp.Length > 0 ? controller.ManagementIp : "127.0.0.1";
        var hostForUrl = ip.Contains(':') ? $"[{ip}]" : ip;
        var database = BindDatabase(top, ip);
        var keystone = BindKeystone(top, hostForUrl, release);
        var glance = BindGlance(top, hostForUrl, ip);
        var verification = BindVerification(top);
        var packages = BindPackages(top);
        return new BakeParameters(file, target, controller, database, keystone, glance, verification, packages);
    }

    private (TargetParameters, OpenStackRelease?) BindTarget(YamlSection top)
    {
        var s = top.Section("target", required: false, "release", "distro");
        var release = s?.Text("release") ?? "2024.1";
        var distro = s?.Text("distro") ?? "ubuntu-24.04";
        var releaseInfo = ReleaseCatalog.FindRelease(release);
        if (releaseInfo is null)
        {
            bag.Error(DiagnosticCodes.UnknownRelease,
                $"unknown OpenStack release '{Shown(release)}'; known: {string.Join(", ", ReleaseCatalog.Releases.Select(r => r.Name))}",
                s?.At("release") ?? top.Location);
        }

        var distroInfo = ReleaseCatalog.FindDistro(distro);
        if (distroInfo is null)
        {
            bag.Error(DiagnosticCodes.NotOneOf,
                $"unknown distro '{Shown(distro)}'; known: {string.Join(", ", ReleaseCatalog.Distros.Select(d => d.Id))}",
                s?.At("distro") ?? top.Location);
        }
        else if (releaseInfo is not null && !distroInfo.Supports(release))
        {
            bag.Error(DiagnosticCodes.UnsupportedCombination,
                $"{distro} has no packages for OpenStack {release}; it supports {string.Join(", ", distroInfo.SupportedReleases)}",
                s?.At("release") ?? top.Location);
        }

        return (new TargetParameters(release, distro), releaseInfo);
    }

    private ControllerParameters BindController(YamlSection top)
    {
        var s = top.Section("controller", required: true,
            "hostname", "management_ip", "instance_id", "ssh_authorized_keys", "network");
        if (s is null)
        {
            return new ControllerParameters("controller", "", null, [], null);
        }

        var hostname = s.Text("hostname") ?? "controller";
        if (!ValueChecks.IsHostname(hostname))
        {
            bag.Error(DiagnosticCodes.BadHostname,
                $"'{s.Qualified("hostname")}' is not a valid host name (letters, digits, inner hyphens; dots between labels)",
                s.At("hostname"));
        }

        var ip = s.Text("management_ip", required: true) ?? "";
        if (ip.Length > 0 && !ValueChecks.IsIpAddress(ip))
        {
            bag.Error(DiagnosticCodes.BadIpAddress, $"'{s.Qualified("management_ip")}' is not an IP address: '{Shown(ip)}'",
                s.At("management_ip"));
        }

        var instanceId = s.Text("instance_id");
        if (instanceId is not null)
        {
            if (instanceId.Length == 0 || instanceId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            {
                bag.Error(DiagnosticCodes.BadCharacters,
                    $"'{s.Qualified("instance_id")}' must be a non-empty word without spaces", s.At("instance_id"));
            }
            else
            {
                bag.Warning(DiagnosticCodes.PinnedInstanceId,
                    "instance-id is pinned: cloud-init will not treat a changed seed as a new first boot; omit it to derive one from the seed's content",
                    s.At("instance_id"));
            }
        }

        var keys = new List<string>();
        foreach (var (key, at) in s.List("ssh_authorized_keys"))
        {
            if (!key.StartsWith("ssh-", StringComparison.Ordinal) && !key.StartsWith("ecdsa-", StringComparison.Ordinal)
                && !key.StartsWith("sk-", StringComparison.Ordinal) || ValueChecks.HasControlCharacters(key))
            {
                bag.Error(DiagnosticCodes.BadCharacters,
                    "an SSH public key must be one line starting with its type (ssh-ed25519, ssh-rsa, ecdsa-sha2-...)", at);
            }

            keys.Add(key);
        }

        return new ControllerParameters(hostname, ip, instanceId, keys, BindNetwork(s));
    }

    private NetworkParameters? BindNetwork(YamlSection controller)
    {
        var s = controller.Section("network", required: false, "interface", "addresses", "gateway", "nameservers");
        if (s is null)
        {
            return null;
        }

        var iface = s.Text("interface", required: true) ?? "";
        if (iface.Length > 0 && !ValueChecks.IsName(iface))
        {
            bag.Error(DiagnosticCodes.BadName, $"'{s.Qualified("interface")}' is not an interface name", s.At("interface"));
        }

        var addresses = s.List("addresses");
        if (addresses.Count == 0)
        {
            bag.Error(DiagnosticCodes.MissingKey, $"'{s.Qualified("addresses")}' needs at least one address/prefix",
                s.At("addresses"));
        }

        foreach (var (a, at) in addresses.Where(a => !ValueChecks.IsCidr(a.Value)))
        {
            bag.Error(DiagnosticCodes.BadIpAddress, $"'{Shown(a)}' is not an address with a prefix length (10.0.0.11/24)", at);
        }

        var gateway = s.Text("gateway");
        if (gateway is not null && !ValueChecks.IsIpAddress(gateway))
        {
            bag.Error(DiagnosticCodes.BadIpAddress, $"'{s.Qualified("gateway")}' is not an IP address", s.At("gateway"));
        }

        var dns = s.List("nameservers");
        foreach (var (d, at) in dns.Where(d => !ValueChecks.IsIpAddress(d.Value)))
        {
            bag.Error(DiagnosticCodes.BadIpAddress, $"nameserver '{Shown(d)}' is not an IP address", at);
        }

        return new NetworkParameters(iface, [.. addresses.Select(a => a.Value)], gateway, [.. dns.Select(d => d.Value)]);
    }

    private DatabaseParameters BindDatabase(YamlSection top, string ip)
    {
        var s = top.Section("database", required: true, "host", "name", "user", "password", "admin");
        if (s is null)
        {
            return new DatabaseParameters(ip, "glance", "glance", "", new DatabaseAdmin("socket", null, null, null));
        }

        var host = Host(s, "host") ?? ip;
        var name = Name(s, "name") ?? "glance";
        var user = Name(s, "user") ?? "glance";
        var password = Secret(s, "password");

        var a = s.Section("admin", required: false, "method", "user", "password", "host");
        var method = a is null ? "socket" : OneOf(a, "method", ["socket", "password"]) ?? "socket";
        DatabaseAdmin admin;
        if (method == "password" && a is not null)
        {
            var adminPassword = Secret(a, "password");
            if (adminPassword.Contains('"') && adminPassword.Contains('\''))
            {
                bag.Error(DiagnosticCodes.BadCharacters,
                    $"'{a.Qualified("password")}' holds both ' and \", which a MariaDB option file cannot carry; drop one kind",
                    a.At("password"));
            }

            admin = new DatabaseAdmin(method, Name(a, "user") ?? "root", adminPassword, Host(a, "host") ?? host);
        }
        else
        {
            foreach (var key in new[] { "user", "password", "host" }.Where(k => a?.Text(k) is not null))
            {
                bag.Error(DiagnosticCodes.NotOneOf,
                    $"'{a!.Qualified(key)}' is only used with method: password", a.At(key));
            }

            admin = new DatabaseAdmin("socket", null, null, null);
        }

        return new DatabaseParameters(host, name, user, password, admin);
    }

    private KeystoneParameters BindKeystone(YamlSection top, string hostForUrl, OpenStackRelease? release)
    {
        var s = top.Section("keystone", required: true,
            "auth_url", "www_authenticate_uri", "region", "service_project", "service_role", "admin");
        var port = release?.KeystoneAdminPort ?? 5000;
        if (s is null)
        {
            return new KeystoneParameters("", "", "RegionOne", "service", "admin",
                new KeystoneAdmin("admin", "", "admin", "Default", "Default"));
        }

        var authUrl = Url(s, "auth_url") ?? $"http://{hostForUrl}:{port}";
        if (authUrl.TrimEnd('/').EndsWith("/v3", StringComparison.Ordinal) || authUrl.TrimEnd('/').EndsWith("/v2.0", StringComparison.Ordinal))
        {
            bag.Error(DiagnosticCodes.BadUrl,
                $"'{s.Qualified("auth_url")}' must be Keystone's base URL without the API version: admin-openrc and the waits add /v3",
                s.At("auth_url"));
        }

        var www = Url(s, "www_authenticate_uri") ?? $"http://{hostForUrl}:5000";
        var region = Name(s, "region") ?? "RegionOne";
        var project = Name(s, "service_project") ?? "service";
        var role = Name(s, "service_role") ?? "admin";

        var a = s.Section("admin", required: true,
            "username", "password", "project_name", "user_domain_name", "project_domain_name");
        var admin = a is null
            ? new KeystoneAdmin("admin", "", "admin", "Default", "Default")
            : new KeystoneAdmin(Name(a, "username") ?? "admin", Secret(a, "password"), Name(a, "project_name") ?? "admin",
                Name(a, "user_domain_name") ?? "Default", Name(a, "project_domain_name") ?? "Default");
        return new KeystoneParameters(authUrl.TrimEnd('/'), www.TrimEnd('/'), region, project, role, admin);
    }

    private GlanceParameters BindGlance(YamlSection top, string hostForUrl, string ip)
    {
        var s = top.Section("glance", required: true,
            "user", "password", "email", "domain", "service", "endpoints", "memcached_servers", "stores",
            "default_store", "filesystem_store_datadir", "paste_flavor");
        // A missing section is reported once (GB1004 above), not again for each required key inside it.
        var missing = s is null;
        s ??= new YamlSection(new YamlMappingNode(), "glance", file, bag);

        var user = Name(s, "user") ?? "glance";
        var password = missing ? "" : Secret(s, "password");
        var email = s.Text("email") ?? "glance@example.com";
        if (!ValueChecks.IsEmail(email))
        {
            bag.Error(DiagnosticCodes.BadName, $"'{s.Qualified("email")}' is not an e-mail address (glance@example.com)",
                s.At("email"));
        }

        var domain = Name(s, "domain") ?? "default";

        var svc = s.Section("service", required: false, "name", "type", "description");
        var serviceName = (svc is null ? null : Name(svc, "name")) ?? "glance";
        var serviceType = (svc is null ? null : Name(svc, "type")) ?? "image";
        var description = (svc is null ? null : Plain(svc, "description")) ?? "OpenStack Image service";

        var ep = s.Section("endpoints", required: false, "public", "internal", "admin");
        var defaultEndpoint = $"http://{hostForUrl}:9292";
        var pub = (ep is null ? null : Url(ep, "public")) ?? defaultEndpoint;
        var internalUrl = (ep is null ? null : Url(ep, "internal")) ?? defaultEndpoint;
        var adminUrl = (ep is null ? null : Url(ep, "admin")) ?? defaultEndpoint;

        var memcached = s.List("memcached_servers");
        foreach (var (m, at) in memcached.Where(m => !ValueChecks.IsHostPort(m.Value)))
        {
            bag.Error(DiagnosticCodes.BadHostPort, $"memcached server '{Shown(m)}' is not host:port (10.0.0.11:11211)", at);
        }

        var memcachedServers = memcached.Count > 0
            ? memcached.Select(m => m.Value).ToList()
            : [ip.Contains(':') ? $"[{ip}]:11211" : $"{ip}:11211"];

        var storeItems = s.List("stores");
        foreach (var (st, at) in storeItems.Where(x => !Stores.Contains(x.Value)))
        {
            bag.Error(DiagnosticCodes.BadStore,
                $"store '{Shown(st)}' is not one GlanceBake configures; it configures: {string.Join(", ", Stores)}", at);
        }

        foreach (var (st, at) in storeItems.Where((x, i) => storeItems.Take(i).Any(y => y.Value == x.Value)))
        {
            bag.Error(DiagnosticCodes.BadStore, $"store '{Shown(st)}' is listed twice", at);
        }

        if (s.Has("stores") && storeItems.Count == 0)
        {
            bag.Error(DiagnosticCodes.BadStore, "'glance.stores' is empty: list at least 'file'", s.At("stores"));
        }

        var stores = storeItems.Count > 0 ? storeItems.Select(x => x.Value).Distinct().ToList() : ["file", "http"];
        var defaultStore = s.Text("default_store") ?? "file";
        if (defaultStore != "file")
        {
            bag.Error(DiagnosticCodes.BadStore,
                $"default_store '{Shown(defaultStore)}' cannot take uploads here: GlanceBake's writable store is 'file'",
                s.At("default_store"));
        }
        else if (!stores.Contains(defaultStore))
        {
            bag.Error(DiagnosticCodes.BadStore,
                $"default_store '{Shown(defaultStore)}' is not one of the stores ({string.Join(", ", stores)})",
                s.At("default_store"));
        }

        var datadir = s.Text("filesystem_store_datadir") ?? "/var/lib/glance/images/";
        if (!ValueChecks.IsAbsolutePath(datadir))
        {
            bag.Error(DiagnosticCodes.BadPath, $"'{s.Qualified("filesystem_store_datadir")}' must be an absolute path",
                s.At("filesystem_store_datadir"));
        }
        else if (!ValueChecks.IsDataDirectory(datadir))
        {
            bag.Error(DiagnosticCodes.BadPath,
                $"'{s.Qualified("filesystem_store_datadir")}' must be a folder of its own below /var/lib/glance/, /srv/, /data/, /mnt/ or /opt/ (first boot gives it to the glance user)",
                s.At("filesystem_store_datadir"));
        }

        var flavor = Name(s, "paste_flavor") ?? "keystone";
        return new GlanceParameters(user, password, email, domain, serviceName, serviceType, description,
            pub, internalUrl, adminUrl, memcachedServers, stores, defaultStore,
            datadir.EndsWith('/') ? datadir : datadir + "/", flavor);
    }

    private VerificationParameters BindVerification(YamlSection top)
    {
        var s = top.Section("verification", required: false,
            "image_name", "disk_format", "container_format", "visibility", "image_file");
        s ??= new YamlSection(new YamlMappingNode(), "verification", file, bag);
        var name = Plain(s, "image_name") ?? "cirros-0.3.5-x86_64";
        var disk = OneOf(s, "disk_format", DiskFormats) ?? "qcow2";
        var container = OneOf(s, "container_format", ContainerFormats) ?? "bare";
        var visibility = OneOf(s, "visibility", Visibilities) ?? "public";
        string? image = null;
        var imageText = s.Text("image_file");
        if (imageText is not null)
        {
            image = Path.GetFullPath(Path.Combine(baseDirectory, imageText));
            if (ImageFileProblem(image) is { } problem)
            {
                bag.Error(DiagnosticCodes.FileNotFound, $"image file '{imageText}' {problem}", s.At("image_file"));
            }
            else if (new FileInfo(image).Length == 0)
            {
                // Devices and pipes (/dev/zero, /dev/stdin) report length 0 too: refusing them keeps bake from hanging.
                bag.Error(DiagnosticCodes.FileNotFound, $"image file '{imageText}' must be a non-empty regular file",
                    s.At("image_file"));
            }
            else if (new FileInfo(image).Length > Seed.SeedImage.MaxLength)
            {
                // Checked before anything hashes or copies the file.
                bag.Error(DiagnosticCodes.FileTooLarge,
                    $"image file '{imageText}' is {new FileInfo(image).Length} bytes; the seed carries at most {Seed.SeedImage.MaxLength} (8 GiB - 4 KiB, two ISO 9660 file sections)",
                    s.At("image_file"));
            }
            else if (disk == "qcow2" && !HasQcow2Magic(image))
            {
                bag.Error(DiagnosticCodes.NeedImageFile,
                    $"image file '{imageText}' is not a qcow2 image (no QFI\\xfb header), but disk_format is qcow2; Glance refuses mismatched uploads from 2025.1",
                    s.At("image_file"));
            }
        }
        else if (disk is not ("qcow2" or "raw"))
        {
            bag.Error(DiagnosticCodes.NeedImageFile,
                $"GlanceBake generates verification images only as qcow2 or raw; give 'verification.image_file' for {disk}",
                s.At("disk_format"));
        }

        return new VerificationParameters(name, disk, container, visibility, image);
    }

    private PackageParameters BindPackages(YamlSection top)
    {
        var s = top.Section("packages", required: false, "install", "extra");
        if (s is null)
        {
            return new PackageParameters("first-boot", []);
        }

        var install = OneOf(s, "install", ["first-boot", "present-in-image"]) ?? "first-boot";
        var extra = s.List("extra");
        foreach (var (p, at) in extra.Where(p => !System.Text.RegularExpressions.Regex.IsMatch(p.Value, "^[a-z0-9][a-z0-9+.-]+$")))
        {
            bag.Error(DiagnosticCodes.BadName, $"'{Shown(p)}' is not a Debian package name", at);
        }

        return new PackageParameters(install, [.. extra.Select(p => p.Value)]);
    }
}

using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Releases;
using YamlDotNet.RepresentationModel;
using TargetKeys = GlanceBake.Core.Parameters.ParameterSchema.Target;
using ControllerKeys = GlanceBake.Core.Parameters.ParameterSchema.Controller;
using NetworkKeys = GlanceBake.Core.Parameters.ParameterSchema.Network;
using DatabaseKeys = GlanceBake.Core.Parameters.ParameterSchema.Database;
using DatabaseAdminKeys = GlanceBake.Core.Parameters.ParameterSchema.DatabaseAdmin;
using KeystoneKeys = GlanceBake.Core.Parameters.ParameterSchema.Keystone;
using KeystoneAdminKeys = GlanceBake.Core.Parameters.ParameterSchema.KeystoneAdmin;
using GlanceKeys = GlanceBake.Core.Parameters.ParameterSchema.Glance;
using GlanceServiceKeys = GlanceBake.Core.Parameters.ParameterSchema.GlanceService;
using GlanceEndpointKeys = GlanceBake.Core.Parameters.ParameterSchema.GlanceEndpoints;
using VerificationKeys = GlanceBake.Core.Parameters.ParameterSchema.Verification;
using PackageKeys = GlanceBake.Core.Parameters.ParameterSchema.Packages;
using RootKeys = GlanceBake.Core.Parameters.ParameterSchema.Root;

namespace GlanceBake.Core.Parameters;

/// <summary>
/// Binds the YAML tree of a schema-1 parameter file to <see cref="BakeParameters"/>, checking each value where it
/// is read so that diagnostics carry its position. Defaults are the install guide's values, derived from
/// <c>controller.management_ip</c> where the guide uses the controller's address.
/// </summary>
internal sealed partial class ParameterBinder(YamlMappingNode root, string file, string baseDirectory, DiagnosticBag bag, SecretSources sources)
{
    // The stores GlanceBake renders configuration for (the install guide's); swift, rbd, cinder, vsphere and s3
    // need sections and packages GlanceBake does not write yet.
    private static readonly IReadOnlyList<string> Stores = GlanceKeys.Stores.Choices!;

    public BakeParameters Bind()
    {
        var top = new YamlSection(root, "", file, bag, RootKeys.Section.AllowedKeys);

        var schema = top.Integer(RootKeys.Schema);
        if (schema is not null and not ParameterLoader.SchemaVersion)
        {
            bag.Error(DiagnosticCodes.SchemaVersion,
                $"schema {schema} is not supported; this GlanceBake reads schema {ParameterLoader.SchemaVersion}",
                top.At(RootKeys.Schema));
        }

        var (target, release) = BindTarget(top);
        var controller = BindController(top);
        var ip = controller.ManagementIp.Length > 0 ? controller.ManagementIp : "127.0.0.1";
        var hostForUrl = ip.Contains(':') ? $"[{ip}]" : ip;
        var database = BindDatabase(top, ip);
        var keystone = BindKeystone(top, hostForUrl, release);
        var glance = BindGlance(top, hostForUrl, ip, release);
        var verification = BindVerification(top);
        var packages = BindPackages(top);
        return new BakeParameters(file, target, controller, database, keystone, glance, verification, packages);
    }

    private (TargetParameters, OpenStackRelease?) BindTarget(YamlSection top)
    {
        var s = top.SectionOrEmpty(TargetKeys.Section, out _);
        var release = s.Text(TargetKeys.Release)!;
        var distro = s.Text(TargetKeys.Distro)!;
        var releaseInfo = ReleaseCatalog.FindRelease(release);
        if (releaseInfo is null)
        {
            bag.Error(DiagnosticCodes.UnknownRelease,
                $"unknown OpenStack release '{Shown(release)}'; known: {string.Join(", ", ReleaseCatalog.Releases.Select(r => r.Name))}",
                s.At(TargetKeys.Release));
        }

        var distroInfo = ReleaseCatalog.FindDistro(distro);
        if (distroInfo is null && ReleaseCatalog.Refused.TryGetValue(distro, out var why))
        {
            bag.Error(DiagnosticCodes.UnsupportedCombination, $"{why}; supported targets: {SupportedPairs()}",
                s.At(TargetKeys.Distro));
        }
        else if (distroInfo is null)
        {
            bag.Error(DiagnosticCodes.NotOneOf,
                $"unknown distro '{Shown(distro)}'; known: {string.Join(", ", ReleaseCatalog.Distros.Select(d => d.Id))}",
                s.At(TargetKeys.Distro));
        }
        else if (releaseInfo is not null && !distroInfo.Supports(release))
        {
            bag.Error(DiagnosticCodes.UnsupportedCombination,
                $"{distro} has no packages for OpenStack {release}; {distro} supports {string.Join(", ", distroInfo.SupportedReleases)}; OpenStack {release} is on: {string.Join(", ", ReleaseCatalog.Pairs.Where(x => x.Release.Name == release).Select(x => x.Distro.Id).DefaultIfEmpty("no distro"))}",
                s.At(TargetKeys.Release));
        }

        return (new TargetParameters(release, distro), releaseInfo);
    }

    /// <summary>Every supported pair as <c>release/distro</c>, for messages.</summary>
    private static string SupportedPairs() =>
        string.Join(", ", ReleaseCatalog.Pairs.Select(x => $"{x.Release.Name}/{x.Distro.Id}"));

    private ControllerParameters BindController(YamlSection top)
    {
        var s = top.SectionOrEmpty(ControllerKeys.Section, out var present);
        var hostname = s.Text(ControllerKeys.Hostname)!;
        if (!ValueChecks.IsHostname(hostname))
        {
            bag.Error(DiagnosticCodes.BadHostname,
                $"'{s.Qualified(ControllerKeys.Hostname)}' is not a valid host name (letters, digits, inner hyphens; dots between labels)",
                s.At(ControllerKeys.Hostname));
        }

        var ip = s.Text(ControllerKeys.ManagementIp) ?? "";
        if (ip.Length > 0 && !ValueChecks.IsIpAddress(ip))
        {
            bag.Error(DiagnosticCodes.BadIpAddress, $"'{s.Qualified(ControllerKeys.ManagementIp)}' is not an IP address: '{Shown(ip)}'",
                s.At(ControllerKeys.ManagementIp));
        }

        var instanceId = s.Text(ControllerKeys.InstanceId);
        if (instanceId is not null)
        {
            if (instanceId.Length == 0 || instanceId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            {
                bag.Error(DiagnosticCodes.BadCharacters,
                    $"'{s.Qualified(ControllerKeys.InstanceId)}' must be a non-empty word without spaces", s.At(ControllerKeys.InstanceId));
            }
            else
            {
                bag.Warning(DiagnosticCodes.PinnedInstanceId,
                    "instance-id is pinned: cloud-init will not treat a changed seed as a new first boot; omit it to derive one from the seed's content",
                    s.At(ControllerKeys.InstanceId));
            }
        }

        var keys = new List<string>();
        foreach (var (key, at) in s.List(ControllerKeys.SshAuthorizedKeys))
        {
            if (!key.StartsWith("ssh-", StringComparison.Ordinal) && !key.StartsWith("ecdsa-", StringComparison.Ordinal)
                && !key.StartsWith("sk-", StringComparison.Ordinal) || ValueChecks.HasControlCharacters(key))
            {
                bag.Error(DiagnosticCodes.BadCharacters,
                    "an SSH public key must be one line starting with its type (ssh-ed25519, ssh-rsa, ecdsa-sha2-...)", at);
            }

            keys.Add(key);
        }

        return new ControllerParameters(hostname, ip, instanceId, keys, present ? BindNetwork(s) : null);
    }

    private NetworkParameters? BindNetwork(YamlSection controller)
    {
        var s = controller.Section(NetworkKeys.Section);
        if (s is null)
        {
            return null;
        }

        var iface = s.Text(NetworkKeys.Interface) ?? "";
        if (iface.Length > 0 && !ValueChecks.IsName(iface))
        {
            bag.Error(DiagnosticCodes.BadName, $"'{s.Qualified(NetworkKeys.Interface)}' is not an interface name", s.At(NetworkKeys.Interface));
        }

        var addresses = s.List(NetworkKeys.Addresses);
        if (addresses.Count == 0)
        {
            bag.Error(DiagnosticCodes.MissingKey, $"'{s.Qualified(NetworkKeys.Addresses)}' needs at least one address/prefix",
                s.At(NetworkKeys.Addresses));
        }

        foreach (var (a, at) in addresses.Where(a => !ValueChecks.IsCidr(a.Value)))
        {
            bag.Error(DiagnosticCodes.BadIpAddress, $"'{Shown(a)}' is not an address with a prefix length (10.0.0.11/24)", at);
        }

        var gateway = s.Text(NetworkKeys.Gateway);
        if (gateway is not null && !ValueChecks.IsIpAddress(gateway))
        {
            bag.Error(DiagnosticCodes.BadIpAddress, $"'{s.Qualified(NetworkKeys.Gateway)}' is not an IP address", s.At(NetworkKeys.Gateway));
        }

        var dns = s.List(NetworkKeys.Nameservers);
        foreach (var (d, at) in dns.Where(d => !ValueChecks.IsIpAddress(d.Value)))
        {
            bag.Error(DiagnosticCodes.BadIpAddress, $"nameserver '{Shown(d)}' is not an IP address", at);
        }

        return new NetworkParameters(iface, [.. addresses.Select(a => a.Value)], gateway, [.. dns.Select(d => d.Value)]);
    }

    private DatabaseParameters BindDatabase(YamlSection top, string ip)
    {
        var s = top.SectionOrEmpty(DatabaseKeys.Section, out var present);
        var host = Host(s, DatabaseKeys.Host) ?? ip;
        var name = Name(s, DatabaseKeys.Name)!;
        var user = Name(s, DatabaseKeys.User)!;
        var password = present ? Secret(s, DatabaseKeys.Password) : "";

        var a = s.SectionOrEmpty(DatabaseAdminKeys.Section, out _);
        var method = OneOf(a, DatabaseAdminKeys.Method)!;
        DatabaseAdmin admin;
        if (method == "password")
        {
            var adminPassword = Secret(a, DatabaseAdminKeys.Password);
            if (adminPassword.Contains('"') && adminPassword.Contains('\''))
            {
                bag.Error(DiagnosticCodes.BadCharacters,
                    $"'{a.Qualified(DatabaseAdminKeys.Password)}' holds both ' and \", which a MariaDB option file cannot carry; drop one kind",
                    a.At(DatabaseAdminKeys.Password));
            }

            admin = new DatabaseAdmin(method, Name(a, DatabaseAdminKeys.User), adminPassword, Host(a, DatabaseAdminKeys.Host) ?? host);
        }
        else
        {
            foreach (var key in new[] { DatabaseAdminKeys.User, DatabaseAdminKeys.Password, DatabaseAdminKeys.Host }.Where(a.Has))
            {
                bag.Error(DiagnosticCodes.NotOneOf, $"'{a.Qualified(key)}' is only used with method: password", a.At(key));
            }

            admin = new DatabaseAdmin(method, null, null, null);
        }

        return new DatabaseParameters(host, name, user, password, admin);
    }

    private KeystoneParameters BindKeystone(YamlSection top, string hostForUrl, OpenStackRelease? release)
    {
        var s = top.SectionOrEmpty(KeystoneKeys.Section, out var present);
        var port = release?.KeystoneAdminPort ?? 5000;
        var authUrl = Url(s, KeystoneKeys.AuthUrl) ?? $"http://{hostForUrl}:{port}";
        if (authUrl.TrimEnd('/').EndsWith("/v3", StringComparison.Ordinal) || authUrl.TrimEnd('/').EndsWith("/v2.0", StringComparison.Ordinal))
        {
            bag.Error(DiagnosticCodes.BadUrl,
                $"'{s.Qualified(KeystoneKeys.AuthUrl)}' must be Keystone's base URL without the API version: admin-openrc and the waits add /v3",
                s.At(KeystoneKeys.AuthUrl));
        }

        var www = Url(s, KeystoneKeys.WwwAuthenticateUri) ?? $"http://{hostForUrl}:5000";
        if (release is not null)
        {
            LintKeystoneUrl(s, KeystoneKeys.AuthUrl, authUrl, release);
            LintKeystoneUrl(s, KeystoneKeys.WwwAuthenticateUri, www, release);
        }

        var region = Name(s, KeystoneKeys.Region)!;
        var project = Name(s, KeystoneKeys.ServiceProject)!;
        var role = Name(s, KeystoneKeys.ServiceRole)!;

        var a = s.SectionOrEmpty(KeystoneAdminKeys.Section, out var adminPresent);
        var admin = new KeystoneAdmin(Name(a, KeystoneAdminKeys.Username)!, present && adminPresent ? Secret(a, KeystoneAdminKeys.Password) : "",
            Name(a, KeystoneAdminKeys.ProjectName)!, Name(a, KeystoneAdminKeys.UserDomainName)!, Name(a, KeystoneAdminKeys.ProjectDomainName)!);
        return new KeystoneParameters(present ? authUrl.TrimEnd('/') : "", present ? www.TrimEnd('/') : "", region, project, role, admin);
    }

    /// <summary>
    /// Lint (<see cref="DiagnosticCodes.DeprecatedForRelease"/>): Keystone URLs that point at what the release no
    /// longer serves. From Queens, Keystone serves every API on port 5000: 35357 (the admin port of the Pike guide)
    /// and Identity v2.0 are gone (Keystone 13.0.0 release notes).
    /// </summary>
    private void LintKeystoneUrl(YamlSection s, ParameterKey key, string url, OpenStackRelease release)
    {
        if (!s.Has(key) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }

        if (release.KeystoneAdminPortGone && uri.Port == 35357)
        {
            bag.Warning(DiagnosticCodes.DeprecatedForRelease,
                $"'{s.Qualified(key)}' uses port 35357, Keystone's admin port, which nothing serves from Queens on (OpenStack {release.Name}): use port 5000",
                s.At(key));
        }

        if (release.IdentityV2Gone && uri.AbsolutePath.TrimEnd('/').Split('/').Contains("v2.0"))
        {
            bag.Warning(DiagnosticCodes.DeprecatedForRelease,
                $"'{s.Qualified(key)}' names Identity v2.0, which Keystone removed in Queens (OpenStack {release.Name}): use Keystone's base URL",
                s.At(key));
        }
    }

    private GlanceParameters BindGlance(YamlSection top, string hostForUrl, string ip, OpenStackRelease? release)
    {
        var s = top.SectionOrEmpty(GlanceKeys.Section, out var present);
        var user = Name(s, GlanceKeys.User)!;
        var password = present ? Secret(s, GlanceKeys.Password) : "";
        var email = s.Text(GlanceKeys.Email)!;
        if (!ValueChecks.IsEmail(email))
        {
            bag.Error(DiagnosticCodes.BadName, $"'{s.Qualified(GlanceKeys.Email)}' is not an e-mail address (glance@example.com)",
                s.At(GlanceKeys.Email));
        }

        var domain = Name(s, GlanceKeys.Domain)!;

        var svc = s.SectionOrEmpty(GlanceServiceKeys.Section, out _);
        var serviceName = Name(svc, GlanceServiceKeys.Name)!;
        var serviceType = Name(svc, GlanceServiceKeys.Type)!;
        var description = Plain(svc, GlanceServiceKeys.Description)!;

        var ep = s.SectionOrEmpty(GlanceEndpointKeys.Section, out _);
        var defaultEndpoint = $"http://{hostForUrl}:9292";
        var pub = Url(ep, GlanceEndpointKeys.Public) ?? defaultEndpoint;
        var internalUrl = Url(ep, GlanceEndpointKeys.Internal) ?? defaultEndpoint;
        var adminUrl = Url(ep, GlanceEndpointKeys.Admin) ?? defaultEndpoint;

        var memcached = s.List(GlanceKeys.MemcachedServers);
        foreach (var (m, at) in memcached.Where(m => !ValueChecks.IsHostPort(m.Value)))
        {
            bag.Error(DiagnosticCodes.BadHostPort, $"memcached server '{Shown(m)}' is not host:port (10.0.0.11:11211)", at);
        }

        var memcachedServers = memcached.Count > 0
            ? memcached.Select(m => m.Value).ToList()
            : [ip.Contains(':') ? $"[{ip}]:11211" : $"{ip}:11211"];

        var storeItems = s.List(GlanceKeys.Stores);
        foreach (var (st, at) in storeItems.Where(x => !Stores.Contains(x.Value)))
        {
            bag.Error(DiagnosticCodes.BadStore,
                $"store '{Shown(st)}' is not one GlanceBake configures; it configures: {string.Join(", ", Stores)}", at);
        }

        foreach (var (st, at) in storeItems.Where((x, i) => storeItems.Take(i).Any(y => y.Value == x.Value)))
        {
            bag.Error(DiagnosticCodes.BadStore, $"store '{Shown(st)}' is listed twice", at);
        }

        if (s.Has(GlanceKeys.Stores) && storeItems.Count == 0)
        {
            bag.Error(DiagnosticCodes.BadStore, "'glance.stores' is empty: list at least 'file'", s.At(GlanceKeys.Stores));
        }

        var stores = storeItems.Count > 0 ? storeItems.Select(x => x.Value).Distinct().ToList() : ["file", "http"];
        var defaultStore = s.Text(GlanceKeys.DefaultStore)!;
        if (defaultStore != "file")
        {
            bag.Error(DiagnosticCodes.BadStore,
                $"default_store '{Shown(defaultStore)}' cannot take uploads here: GlanceBake's writable store is 'file'",
                s.At(GlanceKeys.DefaultStore));
        }
        else if (!stores.Contains(defaultStore))
        {
            bag.Error(DiagnosticCodes.BadStore,
                $"default_store '{Shown(defaultStore)}' is not one of the stores ({string.Join(", ", stores)})",
                s.At(GlanceKeys.DefaultStore));
        }

        var datadir = s.Text(GlanceKeys.FilesystemStoreDatadir)!;
        if (!ValueChecks.IsAbsolutePath(datadir))
        {
            bag.Error(DiagnosticCodes.BadPath, $"'{s.Qualified(GlanceKeys.FilesystemStoreDatadir)}' must be an absolute path",
                s.At(GlanceKeys.FilesystemStoreDatadir));
        }
        else if (!ValueChecks.IsDataDirectory(datadir))
        {
            bag.Error(DiagnosticCodes.BadPath,
                $"'{s.Qualified(GlanceKeys.FilesystemStoreDatadir)}' must be a folder of its own below /var/lib/glance/, /srv/, /data/, /mnt/ or /opt/ (first boot gives it to the glance user)",
                s.At(GlanceKeys.FilesystemStoreDatadir));
        }

        var flavor = PasteFlavor(s, release);
        return new GlanceParameters(user, password, email, domain, serviceName, serviceType, description,
            pub, internalUrl, adminUrl, memcachedServers, stores, defaultStore,
            datadir.EndsWith('/') ? datadir : datadir + "/", flavor);
    }

    /// <summary>
    /// <c>glance.paste_flavor</c>: only <c>keystone</c>, the guide's pipeline. Glance's paste file also has
    /// <c>keystone+caching</c> and <c>keystone+cachemanagement</c>, but the image cache needs more than the flavor
    /// (<c>image_cache_dir</c>; from 2024.1 the <c>centralized_db</c> driver and <c>worker_self_reference_url</c>), and
    /// no seed with the cache has been run on real services, so they are refused with that reason (GB2001).
    /// </summary>
    private string PasteFlavor(YamlSection s, OpenStackRelease? release)
    {
        var key = GlanceKeys.PasteFlavor;
        var v = s.Text(key);
        if (v is null || v == "keystone")
        {
            return key.Default!;
        }

        var why = v is "keystone+caching" or "keystone+cachemanagement"
            ? $"the image cache flavor '{v}' is not offered: it also needs image_cache_dir"
              + (release is null ? "" : $" and, with OpenStack {release.Name}'s default image_cache_driver {release.ImageCacheDriverDefault}"
                  + (release.ImageCacheDriverDefault == "centralized_db" ? ", worker_self_reference_url" : ", its own SQLite file"))
              + ", and no seed using the cache has been checked on real services"
            : $"Glance's paste pipelines for the guide are 'keystone' only (got '{Shown(v)}')";
        bag.Error(DiagnosticCodes.NotOneOf, $"'{s.Qualified(key)}' must be keystone: {why}", s.At(key));
        return key.Default!;
    }

    private VerificationParameters BindVerification(YamlSection top)
    {
        var s = top.SectionOrEmpty(VerificationKeys.Section, out _);
        var name = Plain(s, VerificationKeys.ImageName)!;
        var disk = OneOf(s, VerificationKeys.DiskFormat)!;
        var container = OneOf(s, VerificationKeys.ContainerFormat)!;
        var visibility = OneOf(s, VerificationKeys.Visibility)!;
        string? image = null;
        var imageText = s.Text(VerificationKeys.ImageFile);
        if (imageText is not null && imageText.Contains('\0', StringComparison.Ordinal))
        {
            // Path.GetFullPath throws on NUL (found by tests/fuzz: image_file: "\0" ended in exit 70).
            bag.Error(DiagnosticCodes.FileNotFound, "image file path holds a NUL character, which no file name can",
                s.At(VerificationKeys.ImageFile));
        }
        else if (imageText is not null)
        {
            image = Path.GetFullPath(Path.Combine(baseDirectory, imageText));
            if (ImageFileProblem(image) is { } problem)
            {
                bag.Error(DiagnosticCodes.FileNotFound, $"image file '{imageText}' {problem}", s.At(VerificationKeys.ImageFile));
            }
            else if (new FileInfo(image).Length == 0)
            {
                // Devices and pipes (/dev/zero, /dev/stdin) report length 0 too: refusing them keeps bake from hanging.
                bag.Error(DiagnosticCodes.FileNotFound, $"image file '{imageText}' must be a non-empty regular file",
                    s.At(VerificationKeys.ImageFile));
            }
            else if (new FileInfo(image).Length > Seed.SeedImage.MaxLength)
            {
                // Checked before anything hashes or copies the file.
                bag.Error(DiagnosticCodes.FileTooLarge,
                    $"image file '{imageText}' is {new FileInfo(image).Length} bytes; the seed carries at most {Seed.SeedImage.MaxLength} (8 GiB - 4 KiB, two ISO 9660 file sections)",
                    s.At(VerificationKeys.ImageFile));
            }
            else if (disk == "qcow2" && !HasQcow2Magic(image))
            {
                bag.Error(DiagnosticCodes.NeedImageFile,
                    $"image file '{imageText}' is not a qcow2 image (no QFI\\xfb header), but disk_format is qcow2; Glance refuses mismatched uploads from 2025.1",
                    s.At(VerificationKeys.ImageFile));
            }
        }
        else if (disk is not ("qcow2" or "raw"))
        {
            bag.Error(DiagnosticCodes.NeedImageFile,
                $"GlanceBake generates verification images only as qcow2 or raw; give 'verification.image_file' for {disk}",
                s.At(VerificationKeys.DiskFormat));
        }

        return new VerificationParameters(name, disk, container, visibility, image);
    }

    private PackageParameters BindPackages(YamlSection top)
    {
        var s = top.SectionOrEmpty(PackageKeys.Section, out _);
        var install = OneOf(s, PackageKeys.Install)!;
        var extra = s.List(PackageKeys.Extra);
        foreach (var (p, at) in extra.Where(p => !System.Text.RegularExpressions.Regex.IsMatch(p.Value, "^[a-z0-9][a-z0-9+.-]+$")))
        {
            bag.Error(DiagnosticCodes.BadName, $"'{Shown(p)}' is not a Debian package name", at);
        }

        return new PackageParameters(install, [.. extra.Select(p => p.Value)]);
    }
}

using GlanceBake.Core.Parameters;
using GlanceBake.Core.Releases;
using GlanceBake.Core.Seed;
using Scriban;
using Scriban.Runtime;

namespace GlanceBake.Core.Rendering;

/// <summary>
/// Renders the files user-data writes on the target, from <see cref="TemplateSet"/>, for one validated parameter
/// set. Output is sorted by path and is a pure function of its inputs.
/// </summary>
public static class RootfsRenderer
{
    /// <summary>The first-boot steps, in run order (file names under /usr/local/lib/glancebake/steps, no .sh).</summary>
    public static IReadOnlyList<string> Steps { get; } =
    [
        "10-wait-services", "20-database", "30-keystone", "40-packages", "50-config", "60-db-sync", "70-restart",
        "80-remove-sqlite", "90-wait-glance", "95-verify-image",
    ];

    /// <summary>Owner, mode and defer flag of each rendered path; files not listed are root:root 0644.</summary>
    private static readonly (string Path, string Owner, int Mode, bool Defer)[] Attributes =
    [
        ("/etc/glance/glance-api.conf", "root:glance", 0b110_100_000, true),
        ("/etc/glance/glance-registry.conf", "root:glance", 0b110_100_000, true),
        ("/root/admin-openrc", "root:root", 0b110_000_000, false),
        ("/etc/glancebake/secrets.env", "root:root", 0b110_000_000, false),
        ("/etc/glancebake/glance-db.sql", "root:root", 0b110_000_000, false),
        ("/etc/glancebake/mysql-admin.cnf", "root:root", 0b110_000_000, false),
        ("/usr/local/sbin/glancebake-firstboot", "root:root", 0b111_101_101, false),
    ];

    /// <summary>
    /// Renders every template that applies to the release and distro.
    /// </summary>
    /// <param name="p">Validated parameters.</param>
    /// <param name="image">The verification image as it will be on the seed.</param>
    /// <returns>Files sorted by target path.</returns>
    /// <exception cref="InvalidOperationException">A template does not parse or fails (a GlanceBake bug).</exception>
    public static IReadOnlyList<RenderedFile> Render(BakeParameters p, SeedImage image)
    {
        var release = p.Target.ReleaseInfo;
        var distro = p.Target.DistroInfo;
        var globals = Globals(p, release, distro, image);
        var files = new List<RenderedFile>();
        foreach (var path in TemplateSet.Embedded.Paths.Where(t => t.StartsWith("rootfs/", StringComparison.Ordinal)))
        {
            var target = path["rootfs".Length..^".sbn".Length];
            if (!Applies(target, release, distro))
            {
                continue;
            }

            var text = Render(path, globals);
            var (owner, mode, defer) = AttributesOf(target);
            files.Add(new RenderedFile(target, EscapeFilters.Utf8.GetBytes(text), owner, mode, defer));
        }

        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    private static bool Applies(string target, OpenStackRelease release, Distro distro) =>
        (release.HasRegistry || !target.Contains("glance-registry", StringComparison.Ordinal))
        && (distro.AsksDebconfQuestions || target != "/etc/glancebake/debconf-selections");

    private static (string Owner, int Mode, bool Defer) AttributesOf(string target)
    {
        foreach (var a in Attributes.Where(a => a.Path == target))
        {
            return (a.Owner, a.Mode, a.Defer);
        }

        return target.StartsWith("/usr/local/lib/glancebake/steps/", StringComparison.Ordinal)
            ? ("root:root", 0b111_101_101, false)
            : ("root:root", 0b110_100_100, false);
    }

    private static string Render(string path, ScriptObject globals)
    {
        var context = new TemplateContext
        {
            TemplateLoader = TemplateSet.Embedded,
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            NewLine = "\n",
        };
        context.PushGlobal(globals);
        var text = TemplateSet.Embedded.Get(path).Render(context);
        return text.EndsWith('\n') || text.Length == 0 ? text : text + "\n";
    }

    private static ScriptObject Globals(BakeParameters p, OpenStackRelease release, Distro distro, SeedImage image)
    {
        var globals = new ScriptObject();
        globals.Import(typeof(EscapeFilters));
        globals["p"] = p;
        globals["release"] = release;
        globals["distro"] = distro;
        globals["source_name"] = Path.GetFileName(p.SourcePath);
        globals["db_connection"] = DatabaseUrl(p.Database);
        globals["db_admin_host"] = p.Database.Admin.UsesSocket ? "the local socket" : p.Database.Admin.Host!;
        globals["keystone_v3_url"] = p.Keystone.AuthUrl + "/v3";
        globals["backends"] = string.Join(",", p.Glance.Stores.Select(s => $"{BackendId(s)}:{s}"));
        globals["default_backend"] = BackendId(p.Glance.DefaultStore);
        globals["lock_path"] = "/var/lock/glance";
        globals["packages"] = PackageList(p, distro);
        globals["glance_configs"] = release.HasRegistry
            ? new[] { "/etc/glance/glance-api.conf", "/etc/glance/glance-registry.conf" }
            : ["/etc/glance/glance-api.conf"];
        globals["services"] = release.HasRegistry ? new[] { "glance-registry", "glance-api" } : ["glance-api"];
        globals["steps"] = Steps;
        globals["wait_seconds"] = 300;
        globals["image_file_name"] = image.FileName;
        globals["image_seed_path"] = image.SeedPath;
        globals["image_sha256"] = image.Sha256;
        return globals;
    }

    /// <summary>
    /// The packages first boot installs: Glance, the OpenStack client, the MariaDB client and the PyMySQL driver
    /// the connection URL names, then the extras in file order.
    /// </summary>
    public static IReadOnlyList<string> PackageList(BakeParameters p, Distro distro) =>
        [.. new[] { "glance", distro.OpenStackClientPackage, "mariadb-client", distro.PyMysqlPackage }
            .Concat(p.Packages.Extra).Distinct()];

    /// <summary>
    /// <c>[database] connection</c>: <c>mysql+pymysql://USER:PASSWORD@HOST/NAME</c>, user and password
    /// percent-encoded as RFC 3986 userinfo (<see cref="EscapeFilters.UrlUserinfo"/>), IPv6 hosts in brackets.
    /// </summary>
    public static string DatabaseUrl(DatabaseParameters db)
    {
        var host = db.Host.Contains(':') ? $"[{db.Host}]" : db.Host;
        return $"mysql+pymysql://{EscapeFilters.UrlUserinfo(db.User)}:{EscapeFilters.UrlUserinfo(db.Password)}@{host}/{db.Name}";
    }

    /// <summary>The multi-store backend id of a store type, as the install guide names them (<c>file</c> is <c>fs</c>).</summary>
    private static string BackendId(string store) => store == "file" ? "fs" : store;
}

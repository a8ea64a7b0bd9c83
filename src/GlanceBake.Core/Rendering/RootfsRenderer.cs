using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
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
    // Templates read the parameter and target records' properties by name (p.glance.password, target.services):
    // Scriban's TypedObjectAccessor lists them by reflection on the value's runtime type, which a trimmed (Native AOT)
    // build keeps only for the types named here. Every record a template can reach is listed; a missing one fails
    // the AOT bake (StrictVariables), which tests/GlanceBake.Cli.Tests' AOT equality test runs on every scenario.
    private const DynamicallyAccessedMemberTypes TemplateMembers =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicFields;

    /// <summary>
    /// Renders every manifest row that applies to the target (<see cref="OutputManifest"/>). Rows owned by the glance
    /// group are written root-only under <see cref="TargetProfile.StagingFolder"/> where the target
    /// <see cref="TargetProfile.StagesGlanceFiles"/>; step 50 places them.
    /// </summary>
    /// <param name="p">Validated parameters.</param>
    /// <param name="image">The verification image as it will be on the seed.</param>
    /// <returns>Files sorted by target path.</returns>
    /// <exception cref="InvalidOperationException">A template does not parse or fails (a GlanceBake bug).</exception>
    [DynamicDependency(TemplateMembers, typeof(BakeParameters))]
    [DynamicDependency(TemplateMembers, typeof(ControllerParameters))]
    [DynamicDependency(TemplateMembers, typeof(NetworkParameters))]
    [DynamicDependency(TemplateMembers, typeof(DatabaseParameters))]
    [DynamicDependency(TemplateMembers, typeof(DatabaseAdmin))]
    [DynamicDependency(TemplateMembers, typeof(KeystoneParameters))]
    [DynamicDependency(TemplateMembers, typeof(KeystoneAdmin))]
    [DynamicDependency(TemplateMembers, typeof(GlanceParameters))]
    [DynamicDependency(TemplateMembers, typeof(PackageParameters))]
    [DynamicDependency(TemplateMembers, typeof(TargetParameters))]
    [DynamicDependency(TemplateMembers, typeof(VerificationParameters))]
    [DynamicDependency(TemplateMembers, typeof(TargetProfile))]
    [DynamicDependency(TemplateMembers, typeof(OpenStackRelease))]
    [DynamicDependency(TemplateMembers, typeof(DistroProfile))]
    [DynamicDependency(TemplateMembers, typeof(PackageNames))]
    [DynamicDependency(TemplateMembers, typeof(UnitNames))]
    [DynamicDependency(TemplateMembers, typeof(ReservedStore))]
    public static IReadOnlyList<RenderedFile> Render(BakeParameters p, SeedImage image)
    {
        var target = p.Target.Profile;
        var globals = Globals(p, target, image);
        var files = new List<RenderedFile>();
        var context = new RenderContext();
        foreach (var row in OutputManifest.For(target))
        {
            var content = EscapeFilters.Utf8.GetBytes(Render(context, row.Template, globals));
            files.Add(row.Defer && target.StagesGlanceFiles
                ? new RenderedFile(TargetProfile.StagingFolder + row.Path, content, "root:root", 0b110_000_000, false, row.Role, row.Path)
                : new RenderedFile(row.Path, content, row.Owner, row.Mode, row.Defer, row.Role));
        }

        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    // The only Scriban builtin the templates call is include. Scriban's default builtins (string.*, array.*, ...)
    // are built by reflection over its function classes, once per process and copied into every context: most of a
    // bake's CPU time before this.
    private static readonly ScriptObject Builtins = new() { ["include"] = new Scriban.Functions.IncludeFunction() };

    // The filters one by one as typed functions (ScribanFilter), not Import(typeof(EscapeFilters)), Import(name,
    // Delegate) or DelegateCustomFunction: those list methods and parameters by reflection. Built once per process.
    private static readonly ScriptObject Filters = new()
    {
        ["ini"] = ScribanFilter.Of<object?>(EscapeFilters.Ini),
        ["sql_string"] = ScribanFilter.Of<object?>(EscapeFilters.SqlString),
        ["sql_ident"] = ScribanFilter.Of<object?>(EscapeFilters.SqlIdent),
        ["sh"] = ScribanFilter.Of<object?>(EscapeFilters.Sh),
        ["sh_words"] = ScribanFilter.Of<IEnumerable<object?>>(EscapeFilters.ShWords),
        ["url_userinfo"] = ScribanFilter.Of<object?>(EscapeFilters.UrlUserinfo),
        ["systemd"] = ScribanFilter.Of<object?>(EscapeFilters.Systemd),
        ["mycnf"] = ScribanFilter.Of<object?>(EscapeFilters.Mycnf),
        ["apt_field"] = ScribanFilter.Of<object?>(EscapeFilters.AptField),
        ["join_list"] = ScribanFilter.Of<IEnumerable<object?>, string>(EscapeFilters.JoinList, "separator"),
    };

    private static string Render(RenderContext context, string path, ScriptObject globals)
    {
        context.Reset();
        context.PushGlobal(Filters);
        context.PushGlobal(globals);
        var text = TemplateSet.Embedded.Get(path).Render(context);
        return text.EndsWith('\n') || text.Length == 0 ? text : text + "\n";
    }

    /// <summary>
    /// The context of one render, used for each of its templates in turn (<see cref="TemplateContext.Reset"/> between
    /// them): building a TemplateContext per template was a tenth of a render. Member accessors (Scriban lists a
    /// record's properties by reflection, <see cref="Scriban.Runtime.Accessors.TypedObjectAccessor"/>) are kept per type
    /// for the process instead of per context: an accessor depends only on the type and on the context's member
    /// filter, member renamer and key comparer, which are Scriban's defaults in every RenderContext.
    /// </summary>
    private sealed class RenderContext : TemplateContext
    {
        private static readonly ConcurrentDictionary<Type, IObjectAccessor?> Accessors = new();

        public RenderContext()
            : base(Builtins)
        {
            TemplateLoader = TemplateSet.Embedded;
            StrictVariables = true;
            EnableRelaxedMemberAccess = false;
            NewLine = "\n";
        }

        protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
            Accessors.GetOrAdd(target.GetType(), static (_, state) => state.Context.Base(state.Target), (Context: this, Target: target));

        private IObjectAccessor? Base(object target) => base.GetMemberAccessorImpl(target);
    }

    private static ScriptObject Globals(BakeParameters p, TargetProfile target, SeedImage image)
    {
        var globals = new ScriptObject();
        globals["p"] = p;
        globals["target"] = target;
        globals["release"] = target.Release;
        globals["distro"] = target.Distro;
        globals["source_name"] = Path.GetFileName(p.SourcePath);
        globals["db_connection"] = DatabaseUrl(p.Database);
        globals["db_admin_host"] = p.Database.Admin.UsesSocket ? "the local socket" : p.Database.Admin.Host!;
        globals["keystone_v3_url"] = p.Keystone.AuthUrl + "/v3";
        globals["backends"] = string.Join(",", p.Glance.Stores.Select(s => $"{BackendId(s)}:{s}"));
        globals["default_backend"] = BackendId(p.Glance.DefaultStore);
        globals["packages"] = PackageList(p, target);
        globals["steps"] = OutputManifest.Steps(target);
        globals["staging_folder"] = TargetProfile.StagingFolder;
        globals["wait_seconds"] = 300;
        globals["initramfs_guard"] = Seed.InitramfsGuard.Applies(p);
        globals["initramfs_conf"] = Seed.InitramfsGuard.ConfPath;
        globals["initramfs_guard_prefix"] = Seed.InitramfsGuard.GuardPrefix;
        globals["initramfs_restore_sed"] = Seed.InitramfsGuard.RestoreSed;
        globals["image_file_name"] = image.FileName;
        globals["image_seed_path"] = image.SeedPath;
        globals["image_sha256"] = image.Sha256;
        return globals;
    }

    /// <summary>
    /// The packages first boot installs: Glance, the OpenStack client, the MariaDB client and the PyMySQL driver
    /// the connection URL names (names from the target's profile), then the extras in file order.
    /// </summary>
    public static IReadOnlyList<string> PackageList(BakeParameters p, TargetProfile target)
    {
        var names = target.Packages;
        return [.. new[] { names.Glance, names.Client, names.DbClient, names.Pymysql }.Concat(p.Packages.Extra).Distinct()];
    }

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

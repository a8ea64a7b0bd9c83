using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Releases;

/// <summary>
/// Reads the distro profiles embedded from <c>targets/distros/*.yaml</c> (logical names
/// <c>targets/distros/ID.yaml</c>). The files are GlanceBake's own data: an unknown or missing key is a GlanceBake
/// bug and throws <see cref="InvalidDataException"/> naming the file and key (a test loads every profile).
/// </summary>
internal static class DistroProfileReader
{
    private const string Prefix = "targets/distros/";

    /// <summary>The ids of every embedded profile (their file names), sorted.</summary>
    public static IReadOnlyList<string> EmbeddedIds() =>
    [
        .. typeof(DistroProfileReader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// The embedded profile <c>targets/distros/ID.yaml</c>, or null when there is none. Only that file is parsed: a
    /// bake reads the one profile it targets. Throws <see cref="InvalidDataException"/> when the file's <c>id</c> is
    /// not its file name.
    /// </summary>
    public static DistroProfile? ReadEmbedded(string id)
    {
        var name = Prefix + id + ".yaml";
        using var stream = typeof(DistroProfileReader).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        var profile = Read(reader.ReadToEnd(), name);
        return profile.Id == id ? profile
            : throw new InvalidDataException($"{name}: id '{profile.Id}' is not the file's name");
    }

    /// <summary>Parses one profile's YAML text; <paramref name="name"/> names it in errors.</summary>
    public static DistroProfile Read(string yaml, string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = new Section((YamlMappingNode)stream.Documents[0].RootNode, name, "");
        root.Only("id", "family", "codename", "package_manager", "debconf", "cloud_init", "proof", "releases", "packages",
            "python2_releases", "python2_packages", "units", "paths", "database_server", "install_recommends",
            "initramfs_guard");
        var releases = root.Map("releases");
        releases.Only("native", "cloud_archive");
        var units = root.Map("units");
        units.Only("api", "registry", "database");
        var paths = root.Map("paths");
        paths.Only("lock");
        var profile = new DistroProfile(
            Id: root.Text("id"),
            Family: root.Text("family"),
            Codename: root.Text("codename"),
            PackageManager: root.Text("package_manager"),
            Debconf: root.Text("debconf") == "true",
            CloudInit: Version.Parse(root.Text("cloud_init")),
            Proof: root.Text("proof"),
            NativeRelease: releases.Text("native"),
            CloudArchive: releases.OptionalMap("cloud_archive")?.Pairs() ?? new Dictionary<string, string>(),
            Packages: ReadPackages(root.Map("packages")),
            Python2Releases: root.OptionalList("python2_releases"),
            Python2Packages: root.OptionalMap("python2_packages") is { } py2 ? ReadPackages(py2, root.Map("packages")) : null,
            Units: new UnitNames(units.Text("api"), units.Text("registry"), units.Text("database")),
            LockPath: paths.Text("lock"),
            LegacyDatabaseServer: root.OptionalMap("database_server") is { } db && Legacy(db),
            InstallRecommends: Flag(root.OptionalText("install_recommends"), name, "install_recommends") ?? true,
            InitramfsGuard: Flag(root.OptionalText("initramfs_guard"), name, "initramfs_guard") ?? false);
        if (profile.PackageManager != "apt")
        {
            throw new InvalidDataException($"{name}: package_manager '{profile.PackageManager}': the package steps are written for apt only");
        }

        return profile;
    }

    /// <summary>A YAML boolean written <c>true</c> or <c>false</c>, or null when absent.</summary>
    private static bool? Flag(string? text, string file, string key) => text switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw new InvalidDataException($"{file}: {key} '{text}': true or false"),
    };

    /// <summary><c>database_server: {name: mariadb, version: "10.0"}</c>: older than MariaDB 10.2 / MySQL 5.7.6.</summary>
    private static bool Legacy(Section db)
    {
        db.Only("name", "version");
        var version = Version.Parse(db.Text("version"));
        return db.Text("name") switch
        {
            "mariadb" => version < new Version(10, 2),
            "mysql" => version < new Version(5, 7, 6),
            var other => throw new InvalidDataException($"database_server.name '{other}': mariadb or mysql"),
        };
    }

    /// <summary>Package names; keys missing from <paramref name="s"/> come from <paramref name="fallback"/>.</summary>
    private static PackageNames ReadPackages(Section s, Section? fallback = null)
    {
        s.Only("glance", "glance_version", "client", "db_client", "pymysql", "cloud_archive_keyring");
        string Get(string key) => s.OptionalText(key) ?? fallback?.Text(key) ?? s.Text(key);
        return new PackageNames(Get("glance"), Get("glance_version"), Get("client"), Get("db_client"), Get("pymysql"),
            s.OptionalText("cloud_archive_keyring") ?? fallback?.OptionalText("cloud_archive_keyring"));
    }

    private sealed class Section(YamlMappingNode node, string file, string path)
    {
        private string Where(string key) => $"{file}: {path}{key}";

        public void Only(params string[] keys)
        {
            foreach (var k in node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(k => !keys.Contains(k)))
            {
                throw new InvalidDataException($"{Where(k)}: unknown key");
            }
        }

        public string? OptionalText(string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;

        public string Text(string key) => OptionalText(key) ?? throw new InvalidDataException($"{Where(key)}: missing");

        public Section? OptionalMap(string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? new Section((YamlMappingNode)v, file, $"{path}{key}.") : null;

        public Section Map(string key) => OptionalMap(key) ?? throw new InvalidDataException($"{Where(key)}: missing");

        public IReadOnlyList<string> OptionalList(string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var v)
                ? [.. ((YamlSequenceNode)v).Children.Select(c => ((YamlScalarNode)c).Value!)]
                : [];

        public IReadOnlyDictionary<string, string> Pairs() =>
            node.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!, StringComparer.Ordinal);
    }
}

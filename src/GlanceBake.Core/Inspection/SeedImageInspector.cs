using System.IO.Compression;
using System.Text;
using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Parameters;
using GlanceBake.Iso9660;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Inspection;

/// <summary>What <see cref="SeedImageInspector.Inspect(string)"/> found: a listing for people, and the problems.</summary>
/// <param name="Listing">Lines: volume label, descriptors, extensions, then each tree's files with mode and size.</param>
/// <param name="Diagnostics">GB4xxx errors, located at the image's path; empty when the seed is usable.</param>
public sealed record SeedInspection(IReadOnlyList<string> Listing, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads any NoCloud seed image (ours, genisoimage's, cloud-localds', xorriso's) with <see cref="IsoImageReader"/>
/// and checks what cloud-init's NoCloud datasource needs (cloud-init 22.4, DataSourceNoCloud.py and user_data.py):
/// the label <c>cidata</c> or <c>CIDATA</c> exactly (it looks up <c>LABEL=</c> with the upper- and lower-case
/// forms only), <c>user-data</c> and <c>meta-data</c> in the root under their Rock Ridge or Joliet names,
/// <c>instance-id</c> in meta-data, and user-data that starts with a header cloud-init recognises.
/// </summary>
public static class SeedImageInspector
{
    /// <summary>cloud-init's <c>handlers.INCLUSION_TYPES_MAP</c> prefixes (matched after lower-casing and removing
    /// leading white space, <c>handlers.type_from_starts_with</c>).</summary>
    public static readonly IReadOnlyList<string> UserDataHeaders =
    [
        "#include", "#include-once", "#!", "#cloud-config", "#part-handler", "#cloud-boothook",
        "#cloud-config-archive", "#cloud-config-jsonp", "## template: jinja",
    ];

    private const int MaxRead = 1 << 20;

    /// <summary>Inspects the image at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static SeedInspection Inspect(string path)
    {
        using var stream = File.OpenRead(path);
        return Inspect(stream, path);
    }

    /// <summary>Inspects the image in <paramref name="stream"/> (seekable); <paramref name="name"/> locates diagnostics.</summary>
    public static SeedInspection Inspect(Stream stream, string name)
    {
        var lines = new List<string>();
        var bag = new DiagnosticBag();
        var at = new SourceLocation(name, 0, 0);
        IsoImageReader reader;
        try
        {
            reader = new IsoImageReader(stream);
        }
        catch (InvalidDataException e)
        {
            bag.Error(DiagnosticCodes.IsoUnreadable, $"not a readable ISO 9660 image: {e.Message}", at);
            return new SeedInspection(lines, bag.Items);
        }

        lines.Add($"volume label: {reader.VolumeLabel}");
        lines.Add("descriptors:");
        lines.AddRange(reader.Descriptors.Select(d =>
            $"  sector {d.Sector,3}  {d.Kind}{(d.VolumeIdentifier.Length > 0 ? $"  '{d.VolumeIdentifier}'" : "")}"));
        var extensions = new List<string>();
        if (reader.RockRidge is { } rr)
        {
            extensions.Add($"Rock Ridge ({rr})");
        }

        if (reader.JolietLevel() is { } level)
        {
            extensions.Add($"Joliet (level {level})");
        }

        lines.Add($"extensions: {(extensions.Count == 0 ? "none (ISO 9660 names only)" : string.Join(", ", extensions))}");

        foreach (var d in reader.Descriptors.Where(d => d.Type == 1 || d.JolietLevel is not null))
        {
            if (d.VolumeIdentifier is not ("cidata" or "CIDATA"))
            {
                bag.Error(DiagnosticCodes.NoCloudLabel,
                    $"the {d.Kind} volume label is '{d.VolumeIdentifier}'; cloud-init's NoCloud looks for 'cidata' or 'CIDATA' exactly", at);
            }
        }

        var trees = new List<(IsoNaming Naming, IReadOnlyList<IsoFile> Files)>();
        try
        {
            if (reader.RockRidge is not null)
            {
                trees.Add((IsoNaming.RockRidge, reader.Files(IsoNaming.RockRidge)));
            }

            if (reader.JolietLevel() is not null)
            {
                trees.Add((IsoNaming.Joliet, reader.Files(IsoNaming.Joliet)));
            }

            if (trees.Count == 0)
            {
                trees.Add((IsoNaming.Iso9660, reader.Files(IsoNaming.Iso9660)));
            }
        }
        catch (InvalidDataException e)
        {
            bag.Error(DiagnosticCodes.IsoUnreadable, $"a directory tree cannot be read: {e.Message}", at);
            return new SeedInspection(lines, bag.Items);
        }

        foreach (var (naming, files) in trees)
        {
            lines.Add($"files ({Words(naming)} names):");
            lines.AddRange(files.Select(f =>
                $"  {ModeText(f)} {(f.IsDirectory ? "" : f.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)),14}  {f.Path}{(f.IsDirectory ? "/" : "")}{(f.Extents.Count > 1 ? $"  ({f.Extents.Count} extents)" : "")}"));
        }

        var userData = Find(trees, "user-data");
        var metaData = Find(trees, "meta-data");
        foreach (var (file, what) in new[] { (userData, "user-data"), (metaData, "meta-data") })
        {
            if (file is null)
            {
                var names = trees.Select(t => Words(t.Naming)).ToList();
                bag.Error(DiagnosticCodes.NoCloudFileMissing,
                    $"'{what}' is not in the image's root under its {string.Join(" or ", names)} name", at);
            }
        }

        if (metaData is not null)
        {
            CheckMetaData(reader.ReadFile(metaData, MaxRead), bag, at);
        }

        if (userData is not null)
        {
            CheckUserData(reader.ReadFile(userData, MaxRead), bag, at);
        }

        lines.Add(bag.HasErrors ? "NoCloud: problems found" : "NoCloud: ok");
        return new SeedInspection(lines, bag.Items);
    }

    private static string Words(IsoNaming naming) => naming switch
    {
        IsoNaming.RockRidge => "Rock Ridge",
        IsoNaming.Joliet => "Joliet",
        _ => "ISO 9660",
    };

    private static IsoFile? Find(List<(IsoNaming Naming, IReadOnlyList<IsoFile> Files)> trees, string name) =>
        trees.Where(t => t.Naming != IsoNaming.Iso9660)
            .Select(t => t.Files.FirstOrDefault(f => !f.IsDirectory && f.Path == name)).FirstOrDefault(f => f is not null);

    /// <summary><c>-rw-r--r--</c> from the PX mode, or <c>----------</c>-like placeholders where the tree has none.</summary>
    private static string ModeText(IsoFile f)
    {
        if (f.Mode is not { } m)
        {
            return f.IsDirectory ? "d?????????" : "-?????????";
        }

        var type = (m & 0xF000) switch { 0x4000 => 'd', 0xA000 => 'l', 0x8000 => '-', _ => '?' };
        var sb = new StringBuilder().Append(type);
        const string rwx = "rwxrwxrwx";
        for (var i = 0; i < 9; i++)
        {
            sb.Append((m & (1 << (8 - i))) != 0 ? rwx[i] : '-');
        }

        return sb.ToString();
    }

    private static void CheckMetaData(byte[] data, DiagnosticBag bag, SourceLocation at)
    {
        YamlMappingNode? map = null;
        try
        {
            // The guarded load: an alias before its anchor used as a key ended inspect with a stack overflow (exit
            // 139), a tag that is not a URI with an internal error (exit 70).
            var yaml = YamlInputChecks.Load(Encoding.UTF8.GetString(data), "meta-data", out var problem);
            if (yaml is null)
            {
                bag.Error(DiagnosticCodes.NoCloudInstanceId,
                    $"'meta-data' cannot be checked: line {problem!.Value.At.Line}: {problem.Value.Message}", at);
                return;
            }

            map = yaml.Documents.Count > 0 ? yaml.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or ArgumentException or InvalidOperationException)
        {
            // Reported below: cloud-init cannot load it either.
        }

        if (map is null)
        {
            bag.Error(DiagnosticCodes.NoCloudInstanceId, "'meta-data' is not a YAML mapping; it must hold 'instance-id'", at);
            return;
        }

        var keys = map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToList();
        if (!keys.Contains("instance-id"))
        {
            var near = keys.FirstOrDefault(k => k.Replace('_', '-').Equals("instance-id", StringComparison.OrdinalIgnoreCase));
            // DataSourceNoCloud then falls back to the instance-id 'nocloud' for every seed, so a new seed is not a
            // new first boot.
            const string why = "without it cloud-init's NoCloud uses 'nocloud' for every seed, so a changed seed is not a new first boot";
            bag.Error(DiagnosticCodes.NoCloudInstanceId, near is not null
                ? $"'meta-data' has '{near}' but not 'instance-id' (with a hyphen), the key cloud-init reads; {why}"
                : $"'meta-data' has no 'instance-id'; {why}", at);
        }
    }

    private static void CheckUserData(byte[] data, DiagnosticBag bag, SourceLocation at)
    {
        // cloud-init user_data.convert_string: gzip is decompressed first; MIME when "mime-version:" is in the first
        // 4096 bytes; otherwise the type comes from the starting text.
        if (data.Length >= 2 && data[0] == 0x1F && data[1] == 0x8B)
        {
            try
            {
                using var gz = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
                var plain = new MemoryStream();
                gz.CopyTo(plain);
                data = plain.ToArray();
            }
            catch (InvalidDataException)
            {
                bag.Error(DiagnosticCodes.NoCloudUserDataHeader, "'user-data' starts as gzip but does not decompress", at);
                return;
            }
        }

        var text = Encoding.UTF8.GetString(data, 0, Math.Min(data.Length, 4096)).ToLowerInvariant();
        if (text.Contains("mime-version:", StringComparison.Ordinal))
        {
            return;
        }

        var start = text.TrimStart();
        if (!UserDataHeaders.Any(h => start.StartsWith(h, StringComparison.Ordinal)))
        {
            // The text itself is not shown: user-data may hold secrets.
            bag.Error(DiagnosticCodes.NoCloudUserDataHeader,
                $"'user-data' starts with no header cloud-init recognises ({data.Length} bytes); it must start with one of {string.Join(", ", UserDataHeaders)}, or be MIME multipart (Content-Type: multipart/mixed with MIME-Version)", at);
        }
    }
}

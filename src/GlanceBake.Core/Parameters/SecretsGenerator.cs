using System.Security.Cryptography;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Parameters;

/// <summary>
/// <c>glancebake secrets</c>, in the spirit of kolla-genpwd: for every secret field of a parameter file that is
/// <c>{file: NAME.yaml}</c> (a secrets file, <see cref="SecretSources"/>), adds a strong random value to that file
/// when it has no entry for the field. Existing entries are never changed: new lines are appended, and a new file is
/// created owner-only (0600).
/// </summary>
public static class SecretsGenerator
{
    /// <summary>Characters of a generated value: letters and digits, which need no escaping in any output format.</summary>
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Length of a generated value: 32 characters of 62, about 190 bits (RandomNumberGenerator).</summary>
    public const int Length = 32;

    /// <summary>A new random value (<see cref="RandomNumberGenerator.GetString"/>).</summary>
    public static string NewValue() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>What one run did: each secrets file, with the fields it added and the fields already there.</summary>
    /// <param name="File">The secrets file's full path.</param>
    /// <param name="Added">Fields given new values.</param>
    /// <param name="Kept">Fields that already had a value.</param>
    public sealed record Outcome(string File, IReadOnlyList<string> Added, IReadOnlyList<string> Kept);

    /// <summary>
    /// Fills the secrets files <paramref name="parameterFile"/> refers to. Throws <see cref="InvalidDataException"/>
    /// (message without any value) when the parameter file or a secrets file cannot be used.
    /// </summary>
    /// <param name="parameterFile">The parameter file.</param>
    /// <param name="filesDirectory">Base of <c>{file: PATH}</c>; null for the parameter file's folder.</param>
    /// <exception cref="InvalidDataException">Unreadable YAML, a refused path, or a secrets file that is not a mapping.</exception>
    /// <exception cref="IOException">A secrets file cannot be written.</exception>
    public static IReadOnlyList<Outcome> Fill(string parameterFile, string? filesDirectory)
    {
        var baseDirectory = filesDirectory ?? Path.GetDirectoryName(Path.GetFullPath(parameterFile))!;
        YamlMappingNode root;
        // Read and loaded as the loader does it (size cap, UTF-8, the structure check).
        var parameterText = ParameterLoader.ReadText(parameterFile, out var failure)
            ?? throw new InvalidDataException(failure!.Value.Message);
        try
        {
            var stream = YamlInputChecks.Load(parameterText, parameterFile, out var shape)
                ?? throw new InvalidDataException($"the parameter file is not valid YAML at line {shape!.Value.At.Line}; run 'glancebake validate' for details");
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
                ?? throw new InvalidDataException("the parameter file is not a YAML mapping");
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or ArgumentException)
        {
            throw new InvalidDataException("the parameter file is not valid YAML; run 'glancebake validate' for details");
        }

        var wanted = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (field, path) in SecretSources.Fields)
        {
            if (Walk(root, path) is not YamlMappingNode map
                || SecretSources.ParseReference(map, out _) is not { Kind: "file" } reference
                || !SecretSources.IsSecretsFile(reference.Name))
            {
                continue;
            }

            var full = SecretSources.ResolveInside(baseDirectory, reference.Name, out var problem)
                ?? throw new InvalidDataException($"'{field}': secrets file '{reference.Name}' {problem}");
            if (!wanted.TryGetValue(full, out var fields))
            {
                wanted[full] = fields = [];
            }

            fields.Add(field);
        }

        var outcomes = new List<Outcome>();
        foreach (var (file, fields) in wanted)
        {
            var existing = new Dictionary<string, string>(StringComparer.Ordinal);
            var text = "";
            if (File.Exists(file))
            {
                text = SecretSources.ReadText(file)
                    ?? throw new InvalidDataException($"secrets file '{file}' is larger than {SecretSources.MaxFileBytes / 1024} KiB");
                existing = SecretSources.ReadSecretsFile(text, out var problem)
                    ?? throw new InvalidDataException($"secrets file '{file}' {problem}");
            }

            var added = fields.Where(f => !existing.ContainsKey(f)).ToList();
            if (added.Count > 0)
            {
                var map = new YamlMappingNode();
                foreach (var field in added)
                {
                    map.Add(field, Seed.YamlDocumentWriter.Scalar(NewValue()));
                }

                var lines = System.Text.Encoding.UTF8.GetString(Seed.YamlDocumentWriter.Write(map));
                var header = text.Length == 0
                    ? "# GlanceBake secrets (glancebake secrets): field: value. Keep this file out of version control.\n"
                    : text.EndsWith('\n') ? "" : "\n";
                if (!File.Exists(file))
                {
                    // Created empty and made owner-only before any value goes in.
                    File.WriteAllBytes(file, []);
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }
                }

                File.AppendAllText(file, header + lines);
            }

            outcomes.Add(new Outcome(file, added, [.. fields.Where(existing.ContainsKey)]));
        }

        return outcomes;
    }

    private static YamlNode? Walk(YamlMappingNode root, string[] path)
    {
        YamlNode? node = root;
        foreach (var key in path)
        {
            node = node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var next) ? next : null;
        }

        return node;
    }
}

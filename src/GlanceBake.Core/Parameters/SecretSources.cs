using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Parameters;

/// <summary>
/// Where a secret field's value may come from besides a literal: <c>{env: NAME}</c> (an environment variable, read
/// through <see cref="GetEnv"/>: the CLI is the only place that reads the environment) or <c>{file: PATH}</c>.
/// PATH is relative to <see cref="FilesDirectory"/> (default: the parameter file's folder, as Butane's
/// <c>--files-dir</c>) and may not leave it: no absolute path, no <c>..</c>, no symbolic link pointing out.
/// A file named <c>*.yaml</c>/<c>*.yml</c> is a secrets file (a YAML mapping from the field's dotted name to its
/// value, as <c>glancebake secrets</c> writes it); any other file is the value itself, less one trailing newline.
/// </summary>
/// <param name="GetEnv">Environment lookup; returns null for an unset variable.</param>
/// <param name="FilesDirectory">Base folder of <c>{file: PATH}</c>; null means the parameter file's folder.</param>
public sealed partial record SecretSources(Func<string, string?> GetEnv, string? FilesDirectory = null)
{
    /// <summary>No environment and the parameter file's folder: what tests and library callers get by default.</summary>
    public static SecretSources None { get; } = new(_ => null);

    /// <summary>The secret fields of schema 1, by dotted name, with their YAML path.</summary>
    public static IReadOnlyList<(string Field, string[] Path)> Fields { get; } =
    [
        ("database.password", ["database", "password"]),
        ("database.admin.password", ["database", "admin", "password"]),
        ("keystone.admin.password", ["keystone", "admin", "password"]),
        ("glance.password", ["glance", "password"]),
    ];

    /// <summary>Largest secret file or secrets file read, in bytes.</summary>
    public const int MaxFileBytes = 64 * 1024;

    /// <summary>
    /// The text of a secret or secrets file, or null when it holds more than <see cref="MaxFileBytes"/>: capped while
    /// read (<see cref="YamlInputChecks.ReadCapped"/>), not by its size beforehand, since a file can say 0 bytes and
    /// keep giving; decoded as <c>File.ReadAllText</c> decodes (UTF-8 unless a byte-order mark says otherwise).
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission.</exception>
    internal static string? ReadText(string path) =>
        YamlInputChecks.ReadCapped(path, MaxFileBytes) is { } bytes
            ? new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd()
            : null;

    /// <summary>
    /// True when <paramref name="value"/> is one of the install guide's placeholder passwords: the
    /// <c>SERVICE_PASS</c>/<c>SERVICE_DBPASS</c> family of the guide's password table (GLANCE_DBPASS, GLANCE_PASS,
    /// ADMIN_PASS, KEYSTONE_DBPASS, RABBIT_PASS ...), <c>DB_ROOT_PASS</c> and <c>METADATA_SECRET</c>.
    /// </summary>
    public static bool IsGuidePlaceholder(string value) => GuidePlaceholder().IsMatch(value);

    [GeneratedRegex("^(?:[A-Z][A-Z0-9_]*_(?:DB)?PASS|METADATA_SECRET)$")]
    private static partial Regex GuidePlaceholder();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();

    /// <summary>True when <paramref name="path"/> names a secrets file (YAML mapping) rather than a one-value file.</summary>
    public static bool IsSecretsFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>A reference written in the parameter file: <c>{env: NAME}</c> or <c>{file: PATH}</c>.</summary>
    /// <param name="Kind"><c>env</c> or <c>file</c>.</param>
    /// <param name="Name">The variable name or the relative path.</param>
    public sealed record Reference(string Kind, string Name);

    /// <summary>The reference a mapping node holds, or null with <paramref name="problem"/> saying why it is not one.</summary>
    public static Reference? ParseReference(YamlMappingNode map, out string? problem)
    {
        problem = null;
        if (map.Children.Count == 1 && map.Children.First() is var (k, v)
            && k is YamlScalarNode { Value: "env" or "file" } key && v is YamlScalarNode { Value: { Length: > 0 } name })
        {
            if (key.Value == "env" && !EnvName().IsMatch(name))
            {
                problem = "names an environment variable that is not a valid name (letters, digits, '_')";
                return null;
            }

            return new Reference(key.Value!, name);
        }

        problem = "must be a value, {env: NAME} or {file: PATH}";
        return null;
    }

    /// <summary>
    /// The full path of <paramref name="relative"/> below <paramref name="baseDirectory"/>, or null with
    /// <paramref name="problem"/>: absolute, holding <c>..</c>, or resolving (through symbolic links) outside it.
    /// A path that does not exist is returned (the caller reports it as missing).
    /// </summary>
    public static string? ResolveInside(string baseDirectory, string relative, out string? problem)
    {
        problem = null;
        if (relative.Contains('\0', StringComparison.Ordinal))
        {
            problem = "holds a NUL character, which no file name can";
            return null;
        }

        if (Path.IsPathRooted(relative) || relative.StartsWith('~'))
        {
            problem = "must be relative to the parameter file's folder (or --files-dir), not absolute";
            return null;
        }

        if (relative.Split('/', '\\').Any(segment => segment == ".."))
        {
            problem = "may not leave the parameter file's folder (or --files-dir): no '..'";
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory, relative));
        try
        {
            var realBase = RealPath(Path.GetFullPath(baseDirectory));
            var real = RealPath(full);
            if (!real.StartsWith(realBase.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                problem = "is a symbolic link (or lies below one) pointing out of the parameter file's folder (or --files-dir)";
                return null;
            }
        }
        catch (IOException)
        {
            problem = "is a symbolic link that cannot be followed (a loop?)";
            return null;
        }

        return full;
    }

    /// <summary>The path with every symbolic link resolved, component by component (missing tails kept as written).</summary>
    private static string RealPath(string full, int depth = 0)
    {
        if (depth > 40)
        {
            throw new IOException("too many symbolic links");
        }

        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var segment in full[root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, segment);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                var resolved = Path.GetFullPath(Path.Combine(current, target));
                next = RealPath(resolved, depth + 1);
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// The value of <paramref name="field"/> from <paramref name="reference"/>, or null with <paramref name="problem"/>
    /// (naming the variable or path and never a value); <paramref name="refused"/> is true when the path itself is
    /// not allowed (GB2011) rather than missing (GB2018).
    /// </summary>
    public string? Resolve(string field, Reference reference, string defaultBase, out string? problem, out bool refused)
    {
        problem = null;
        refused = false;
        if (reference.Kind == "env")
        {
            var value = GetEnv(reference.Name);
            if (value is null)
            {
                problem = $"'{field}' comes from the environment variable '{Shown(reference.Name)}', which is not set";
            }

            return value;
        }

        var full = ResolveInside(FilesDirectory ?? defaultBase, reference.Name, out var pathProblem);
        if (full is null)
        {
            problem = $"'{field}': secret file '{Shown(reference.Name)}' {pathProblem}";
            refused = true;
            return null;
        }

        if (!File.Exists(full))
        {
            problem = $"'{field}' comes from the file '{Shown(reference.Name)}', which does not exist"
                + (Directory.Exists(full) ? " (it is a folder)" : "");
            return null;
        }

        string? text;
        try
        {
            text = ReadText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"'{field}': secret file '{Shown(reference.Name)}' cannot be read";
            return null;
        }

        if (text is null)
        {
            problem = $"'{field}': secret file '{Shown(reference.Name)}' is larger than {MaxFileBytes / 1024} KiB";
            return null;
        }

        if (!IsSecretsFile(reference.Name))
        {
            return text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
                : text.EndsWith('\n') ? text[..^1] : text;
        }

        var entries = ReadSecretsFile(text, out var yamlProblem);
        if (entries is null)
        {
            problem = $"'{field}': secrets file '{Shown(reference.Name)}' {yamlProblem}";
            return null;
        }

        if (!entries.TryGetValue(field, out var entry))
        {
            problem = $"'{field}' comes from the secrets file '{Shown(reference.Name)}', which has no entry '{field}' (glancebake secrets fills it)";
            return null;
        }

        return entry;
    }

    /// <summary>
    /// Reads a secrets file: one YAML mapping from dotted field names to single values. Null with
    /// <paramref name="problem"/> when it is not one (the message never quotes the file's text).
    /// </summary>
    public static Dictionary<string, string>? ReadSecretsFile(string text, out string? problem)
    {
        problem = null;
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            // Only the line is shown, never the text.
            if (YamlInputChecks.Load(text, "", out var shape) is not { } stream)
            {
                problem = $"is not valid YAML (line {shape!.Value.At.Line})";
                return null;
            }

            if (stream.Documents.Count == 0)
            {
                return entries;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                problem = "is not a YAML mapping of field: value lines";
                return null;
            }

            foreach (var (k, v) in map.Children)
            {
                if (k is not YamlScalarNode { Value: { } name } || v is not YamlScalarNode { Value: { } value })
                {
                    problem = "must hold only field: value lines";
                    return null;
                }

                entries[name] = value;
            }
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or ArgumentException or InvalidOperationException)
        {
            // YamlDotNet's messages may quote the text: only the position is shown.
            problem = e is YamlDotNet.Core.YamlException y ? $"is not valid YAML (line {y.Start.Line})" : "is not valid YAML";
            return null;
        }

        return entries;
    }

    /// <summary>A variable name or path as shown in a message: control characters (a NUL) escaped.</summary>
    private static string Shown(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}

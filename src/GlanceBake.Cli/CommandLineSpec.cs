using System.Text;

namespace GlanceBake.Cli;

/// <summary>One option of a verb: <c>--long</c>, optionally <c>-s</c>; a flag, or a string that takes one value.</summary>
/// <param name="Short">The one-letter name (<c>o</c> for <c>-o</c>), or null.</param>
/// <param name="Long">The long name without dashes (<c>output</c>).</param>
/// <param name="Help">The help line's text.</param>
/// <param name="IsFlag">True for a switch (no value); false for an option that takes one value.</param>
/// <param name="MetaValue">Shown as <c>--long=META</c> in help (<c>--check=DIR</c>), or null.</param>
public sealed record OptionSpec(char? Short, string Long, string Help, bool IsFlag, string? MetaValue = null);

/// <summary>A positional argument of a verb, shown in help as <c>NAME (pos. N)</c>.</summary>
/// <param name="MetaName">The name shown in help (<c>PARAMS</c>).</param>
/// <param name="Help">The help line's text.</param>
/// <param name="Required">A usage error when absent.</param>
/// <param name="Default">The value when absent (shown as <c>(Default: X)</c>), or null.</param>
public sealed record ValueSpec(string MetaName, string Help, bool Required = false, string? Default = null);

/// <summary>A verb: its name, help line, options (in help order) and positional arguments.</summary>
/// <param name="Name">The verb (<c>bake</c>).</param>
/// <param name="Help">The verb index's text for it.</param>
/// <param name="Options">Its options, in help order.</param>
/// <param name="Values">Its positional arguments, in order; more arguments than these are kept as extras.</param>
public sealed record VerbSpec(string Name, string Help, IReadOnlyList<OptionSpec> Options, IReadOnlyList<ValueSpec> Values);

/// <summary>A parsed verb: flags given, option values, positional arguments (declared ones first, then extras).</summary>
/// <param name="Verb">The verb.</param>
/// <param name="Flags">Long names of the flags given.</param>
/// <param name="Strings">Long name to value of the string options given.</param>
/// <param name="Values">Positional arguments, in order, defaults filled in for absent optional ones.</param>
public sealed record ParsedVerb(VerbSpec Verb, IReadOnlySet<string> Flags, IReadOnlyDictionary<string, string> Strings, IReadOnlyList<string> Values)
{
    /// <summary>Whether the flag <paramref name="name"/> was given.</summary>
    public bool Flag(string name) => Flags.Contains(name);

    /// <summary>The value of string option <paramref name="name"/>, or null.</summary>
    public string? String(string name) => Strings.TryGetValue(name, out var v) ? v : null;

    /// <summary>Positional arguments past the declared ones.</summary>
    public IEnumerable<string> Extra => Values.Skip(Verb.Values.Count);
}

/// <summary>
/// GlanceBake's command line as data, and a parser and help writer for it without reflection (Native AOT safe).
/// The help layout is the one CommandLineParser 2.9 wrote, which this replaced: heading, one line of text, a blank
/// line, then one row per option (<c>-o, --output</c>, then <c>--help</c>, <c>--version</c>, then
/// <c>NAME (pos. N)</c> rows), names in a column 4 spaces wider than the longest, text wrapped at 80 columns.
/// Options are case-sensitive; <c>--long VALUE</c>, <c>--long=VALUE</c>, <c>-s VALUE</c> and <c>-sVALUE</c> are accepted.
/// </summary>
public static class CommandLineSpec
{
    private const int Width = 80;

    private static readonly ValueSpec ParamsRequired = new("PARAMS", "Parameter file (YAML, schema 1).", Required: true);

    private static readonly OptionSpec FilesDir = new(null, "files-dir",
        "Folder that {file: PATH} secrets are relative to (default: the parameter file's folder).", false);

    /// <summary>Every verb, in the verb index's order.</summary>
    public static IReadOnlyList<VerbSpec> Verbs { get; } =
    [
        new("bake", "Render the seed (cidata/, review/, seed.iso, SHA256SUMS) from a parameter file.",
            [
                new('o', "output", "Output folder (default: out); replaced as a whole when the bake succeeds.", false),
                new(null, "strict", "Treat warnings (lint findings such as Keystone's port 35357 after Pike) as errors.", true),
                new(null, "check", "Write nothing: render in memory and compare with the review tree in DIR (a bake's output folder, or its review/ folder); exit 1 naming each differing file.", false, "DIR"),
                new(null, "reveal", "Write real secret values into review/ instead of <secret:FIELD> placeholders (warned; never commit it).", true),
                FilesDir,
            ],
            [new("PARAMS", "Parameter file (YAML, schema 1).", Default: "examples/controller.yaml")]),
        new("validate", "Load and validate a parameter file; print diagnostics.",
            [new(null, "strict", "Treat warnings as errors.", true), FilesDir],
            [ParamsRequired]),
        new("lint", "Report, with line and column, every choice the target release deprecates or has removed.",
            [new(null, "strict", "Treat findings as errors (exit 1).", true), FilesDir],
            [ParamsRequired]),
        new("targets", "List the supported OpenStack release / distro pairs, where Glance comes from, and how each is proven.", [], []),
        new("init", "Write a commented starter parameter file holding the install guide's values.",
            [new('f', "force", "Overwrite the file if it exists.", true)],
            [new("PATH", "File to create.", Default: "controller.yaml")]),
        new("schema", "Print the JSON Schema (draft 2020-12) of the parameter file, for editors (yaml-language-server).", [], []),
        new("inspect", "List a NoCloud seed image (ours, genisoimage's, cloud-localds', xorriso's): label, descriptors, extensions, files; check cloud-init's NoCloud rules (exit 1 on any problem).",
            [],
            [new("ISO", "Seed image (ISO 9660).", Required: true)]),
        new("secrets", "Add random values to the secrets files ({file: NAME.yaml}) the parameter file refers to; never changes an existing value.",
            [FilesDir],
            [ParamsRequired]),
        new("diff", "Unified diff of the review trees of OLD and NEW (parameter files or baked folders); exit 1 when they differ.",
            [new(null, "files-dir", "Folder that {file: PATH} secrets are relative to (default: each parameter file's folder).", false)],
            [
                new("OLD", "Parameter file, bake output folder, or review/ folder.", Required: true),
                new("NEW", "Parameter file, bake output folder, or review/ folder.", Required: true),
            ]),
    ];

    /// <summary>The version shown by <c>--version</c> and in help headings (<c>0.1.0</c>).</summary>
    public static string Version { get; } = typeof(CommandLineSpec).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The verb named <paramref name="name"/> (case-sensitive), or null.</summary>
    public static VerbSpec? Find(string name) => Verbs.FirstOrDefault(v => v.Name == name);

    /// <summary>Parses the arguments after the verb.</summary>
    /// <param name="verb">The verb.</param>
    /// <param name="args">The arguments after it.</param>
    /// <param name="parsed">The result, when the arguments are valid.</param>
    /// <param name="error">Null when valid; "" when the verb's help is the whole answer (an unknown or repeated
    /// option, a switch given a value, a missing required argument); else a one-line message.</param>
    /// <returns>True when <paramref name="parsed"/> holds the result.</returns>
    public static bool TryParse(VerbSpec verb, IReadOnlyList<string> args, out ParsedVerb? parsed, out string? error)
    {
        parsed = null;
        error = null;
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            OptionSpec? option;
            string? inline = null;
            string given;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? arg[2..] : arg[2..eq];
                inline = eq < 0 ? null : arg[(eq + 1)..];
                option = verb.Options.FirstOrDefault(o => o.Long == name);
                given = "--" + name;
            }
            else if (arg.Length >= 2 && arg[0] == '-' && arg[1] != '-')
            {
                option = verb.Options.FirstOrDefault(o => o.Short == arg[1]);
                inline = arg.Length > 2 ? arg[2..] : null;
                given = arg[..2];
                if (option is { IsFlag: true } && inline is not null)
                {
                    option = null; // "-fx": switches are not grouped
                }
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                option = null; // "--": not an option separator here
                given = arg;
            }
            else
            {
                values.Add(arg);
                continue;
            }

            if (option is null || flags.Contains(option.Long) || strings.ContainsKey(option.Long))
            {
                error = "";
                return false;
            }

            if (option.IsFlag)
            {
                if (inline is not null)
                {
                    error = "";
                    return false;
                }

                flags.Add(option.Long);
                continue;
            }

            var value = inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i] : null);
            if (string.IsNullOrEmpty(value))
            {
                error = $"{given} needs a folder";
                return false;
            }

            strings[option.Long] = value;
        }

        for (var v = values.Count; v < verb.Values.Count; v++)
        {
            if (verb.Values[v].Required)
            {
                error = "";
                return false;
            }

            if (verb.Values[v].Default is not { } fallback)
            {
                break;
            }

            values.Add(fallback);
        }

        parsed = new ParsedVerb(verb, flags, strings, values);
        return true;
    }

    /// <summary>The help screen of <paramref name="verb"/>, or the verb index when null; ends with a blank line.</summary>
    public static string Help(VerbSpec? verb)
    {
        var rows = new List<(string Name, string Text)>();
        if (verb is null)
        {
            rows.AddRange(Verbs.Select(v => (v.Name, v.Help)));
            rows.Add(("help", "Display more information on a specific command."));
            rows.Add(("version", "Display version information."));
        }
        else
        {
            foreach (var o in verb.Options)
            {
                var name = o.Short is { } s ? $"-{s}, --{o.Long}" : $"--{o.Long}";
                rows.Add((o.MetaValue is { } meta ? $"{name}={meta}" : name, o.Help));
            }

            rows.Add(("--help", "Display this help screen."));
            rows.Add(("--version", "Display version information."));
            for (var i = 0; i < verb.Values.Count; i++)
            {
                var v = verb.Values[i];
                var prefix = v.Required ? "Required. " : v.Default is { } d ? $"(Default: {d}) " : "";
                rows.Add(($"{v.MetaName} (pos. {i})", prefix + v.Help));
            }
        }

        var column = rows.Max(r => r.Name.Length) + 4;
        var sb = new StringBuilder();
        sb.Append("glancebake ").Append(Version).Append('\n');
        sb.Append("Bakes a cloud-init NoCloud seed that installs OpenStack Glance on first boot.\n\n");
        foreach (var (name, text) in rows)
        {
            var lines = Wrap(text, Width - 2 - column);
            sb.Append("  ").Append(name.PadRight(column)).Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                sb.Append(' ', 2 + column).Append(line).Append('\n');
            }
        }

        return sb.ToString();
    }

    // Greedy word wrap: as many words per line as fit in width columns.
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }
}

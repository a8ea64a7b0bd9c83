using GlanceBake.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Parameters;

/// <summary>
/// One YAML mapping of the parameter file, read key by key with positions. Unknown keys are reported as GB1002 on
/// construction; wrong kinds as GB1003; missing required keys as GB1004 at the mapping's position.
/// Scalars keep their source text (<c>release: 2024.1</c> stays <c>"2024.1"</c>; <c>~</c>/<c>null</c> mean absent).
/// </summary>
internal sealed class YamlSection
{
    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly string _file;
    private readonly DiagnosticBag _bag;
    private SourceLocation? _standIn;

    public YamlSection(YamlMappingNode node, string path, string file, DiagnosticBag bag, params string[] allowedKeys)
    {
        _node = node;
        _path = path;
        _file = file;
        _bag = bag;
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowedKeys.Contains(name, StringComparer.Ordinal))
            {
                var near = NearestKey(name, allowedKeys);
                var hint = near is not null
                    ? $"; did you mean '{near}'?"
                    : $"; known keys here: {string.Join(", ", allowedKeys)}";
                bag.Error(DiagnosticCodes.UnknownKey, $"unknown key '{Qualified(name)}'{hint}", LocationOf(key));
            }
        }
    }

    /// <summary>
    /// The known key a typo most likely meant: equal but for case, <c>_</c> and <c>-</c>, or within Levenshtein
    /// distance 2 (one in three characters for short keys) of the normalised name; null when none is close.
    /// </summary>
    internal static string? NearestKey(string name, IEnumerable<string> allowedKeys)
    {
        static string Normal(string s) => s.Replace("_", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var typed = Normal(name);
        return allowedKeys
            .Select(k => (Key: k, Distance: Quickenshtein.Levenshtein.GetDistance(typed, Normal(k))))
            .Where(c => c.Distance <= Math.Min(2, Math.Max(1, c.Key.Length / 3)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key)
            .FirstOrDefault();
    }

    /// <summary>True when <paramref name="key"/> is written in this mapping (even with an empty or null value).</summary>
    public bool Has(string key) => Find(key) is not null;

    /// <summary>The position of the mapping itself.</summary>
    public SourceLocation Location => _standIn ?? LocationOf(_node);

    /// <summary>Position of the value of <paramref name="key"/>, or of the mapping when the key is absent.</summary>
    public SourceLocation At(string key) => Find(key) is { } v ? LocationOf(v) : Location;

    /// <summary>A scalar's text; null when absent or null. Reports GB1003 for lists/mappings, GB1004 when required.</summary>
    public string? Text(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null || IsNull(node))
        {
            if (required)
            {
                _bag.Error(DiagnosticCodes.MissingKey, $"'{Qualified(key)}' is required", Location);
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            _bag.Error(DiagnosticCodes.WrongType, $"'{Qualified(key)}' must be a single value, not a {KindOf(node)}",
                LocationOf(node));
            return null;
        }

        if (!scalar.Tag.IsEmpty && scalar.Tag.Value != "tag:yaml.org,2002:str")
        {
            _bag.Error(DiagnosticCodes.WrongType,
                $"'{Qualified(key)}' carries the YAML tag '{scalar.Tag.Value}'; tags are not supported, write the plain value",
                LocationOf(node));
            return null;
        }

        return scalar.Value ?? "";
    }

    /// <summary>A whole number; null when absent. Reports GB1003 when not an integer.</summary>
    public int? Integer(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
                out var value))
        {
            return value;
        }

        _bag.Error(DiagnosticCodes.WrongType, $"'{Qualified(key)}' must be a whole number", At(key));
        return null;
    }

    /// <summary>A list of scalars (a single scalar is not accepted); empty when absent.</summary>
    public IReadOnlyList<(string Value, SourceLocation At)> List(string key)
    {
        var node = Find(key);
        if (node is null || IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            _bag.Error(DiagnosticCodes.WrongType, $"'{Qualified(key)}' must be a list, not a {KindOf(node)}",
                LocationOf(node));
            return [];
        }

        var items = new List<(string, SourceLocation)>();
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode s && !IsNull(s))
            {
                items.Add((s.Value ?? "", LocationOf(s)));
            }
            else
            {
                _bag.Error(DiagnosticCodes.WrongType, $"each item of '{Qualified(key)}' must be a single value",
                    LocationOf(item));
            }
        }

        return items;
    }

    /// <summary>A nested mapping; null when absent (GB1004 when required) or of the wrong kind (GB1003).</summary>
    public YamlSection? Section(string key, bool required, params string[] allowedKeys)
    {
        var node = Find(key);
        if (node is null || IsNull(node))
        {
            if (required)
            {
                _bag.Error(DiagnosticCodes.MissingKey, $"'{Qualified(key)}' is required", Location);
            }

            return null;
        }

        if (node is not YamlMappingNode map)
        {
            _bag.Error(DiagnosticCodes.WrongType, $"'{Qualified(key)}' must be a mapping, not a {KindOf(node)}",
                LocationOf(node));
            return null;
        }

        return new YamlSection(map, Qualified(key), _file, _bag, allowedKeys);
    }

    /// <summary>The nested mapping <paramref name="schema"/> describes, its allowed keys taken from the schema; null
    /// when absent (GB1004 when the schema requires it) or of the wrong kind.</summary>
    public YamlSection? Section(ParameterSection schema) => Section(schema.Name, schema.Required, schema.AllowedKeys);

    /// <summary>
    /// The nested mapping <paramref name="schema"/> describes, or an empty one when it is absent or unusable, so that
    /// every default comes from the schema either way. A missing required mapping is reported once (GB1004), not again
    /// for each required key inside it: those go to a scratch bag. <paramref name="present"/> says which it was.
    /// </summary>
    public YamlSection SectionOrEmpty(ParameterSection schema, out bool present)
    {
        var section = Section(schema);
        present = section is not null;
        // An absent mapping is located at its parent, where a missing key is reported.
        return section ?? new YamlSection(new YamlMappingNode(), Qualified(schema.Name), _file, new DiagnosticBag())
        {
            _standIn = Location,
        };
    }

    /// <summary>The key's text, or its schema default when absent (GB1004 when the schema requires it).</summary>
    public string? Text(ParameterKey key) => Text(KindChecked(key, ParameterKind.Text), key.Required) ?? key.Default;

    /// <summary>The key's list (<see cref="List(string)"/>).</summary>
    public IReadOnlyList<(string Value, SourceLocation At)> List(ParameterKey key) => List(KindChecked(key, ParameterKind.List));

    /// <summary>The key's whole number (<see cref="Integer(string, bool)"/>).</summary>
    public int? Integer(ParameterKey key) => Integer(KindChecked(key, ParameterKind.Integer), key.Required);

    /// <summary>The key's name, after checking that the binder reads it as the kind the schema (and so the JSON
    /// Schema editors use) declares; a mismatch is a GlanceBake bug.</summary>
    private static string KindChecked(ParameterKey key, ParameterKind readAs) => key.Kind == readAs
        ? key.Name
        : throw new InvalidOperationException($"'{key.Name}' is declared {key.Kind} in ParameterSchema but read as {readAs}");

    /// <summary>Position of the key's value, or of the mapping when absent.</summary>
    public SourceLocation At(ParameterKey key) => At(key.Name);

    /// <summary>True when the key is written in this mapping.</summary>
    public bool Has(ParameterKey key) => Has(key.Name);

    /// <summary>The key's dotted path (<c>glance.endpoints.public</c>).</summary>
    public string Qualified(ParameterKey key) => Qualified(key.Name);

    /// <summary>The dotted path of <paramref name="key"/> in this section (<c>glance.endpoints.public</c>).</summary>
    public string Qualified(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    /// <summary>The key's raw value node, or null when absent (secret references read it).</summary>
    public YamlNode? Node(ParameterKey key) => Find(key.Name);

    private YamlNode? Find(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private SourceLocation LocationOf(YamlNode node) => new(_file, (int)node.Start.Line, (int)node.Start.Column);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s
        && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private static string KindOf(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };
}

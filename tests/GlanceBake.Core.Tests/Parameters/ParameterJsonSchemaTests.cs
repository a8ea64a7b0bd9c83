using System.Text.Json;
using System.Text.Json.Nodes;
using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Parameters;
using GlanceBake.Testing;
using Json.Schema;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Tests.Parameters;

/// <summary>
/// The JSON Schema editors get (<see cref="ParameterJsonSchema"/>, evaluated by JsonSchema.Net) and the binder agree:
/// every shipped parameter file passes both; for every key of <see cref="ParameterSchema"/>, an unknown sibling key,
/// a value of the wrong kind, a value outside its choices and a missing required key are refused by both, and its
/// default, each of its choices and null (absent) for an optional key are accepted by both.
/// </summary>
public sealed class ParameterJsonSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(ParameterJsonSchema.Text);

    /// <summary>The codes the JSON Schema mirrors: unknown key, wrong kind, missing key, outside the choices.</summary>
    private static readonly string[] SchemaCodes =
    [
        DiagnosticCodes.UnknownKey, DiagnosticCodes.WrongType, DiagnosticCodes.MissingKey, DiagnosticCodes.NotOneOf,
        DiagnosticCodes.BadStore, DiagnosticCodes.SchemaVersion,
    ];

    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, f));
        }

        foreach (var d in Directory.GetDirectories(Path.Combine(RepoPaths.Root, "tests", "scenarios")).Order(StringComparer.Ordinal)
                     .Where(d => File.Exists(Path.Combine(d, "params.yaml"))))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, Path.Combine(d, "params.yaml")));
        }

        return data;
    }

    /// <summary>Every key as (dotted path of its mapping, key).</summary>
    public static TheoryData<string, string> Keys()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, key) in Walk(ParameterSchema.Root.Section, ""))
        {
            data.Add(path, key.Name);
        }

        return data;
    }

    /// <summary>Every mapping but the document, as its dotted path.</summary>
    public static TheoryData<string> Sections()
    {
        var data = new TheoryData<string>();
        foreach (var path in WalkSections(ParameterSchema.Root.Section, "").Where(p => p.Length > 0))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedFile_ValidatesAgainstTheSchema(string relative)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, relative));
        Assert.True(ParameterLoader.LoadFile(Path.Combine(RepoPaths.Root, relative)).Succeeded, relative);
        AssertSchema(true, Load(text), relative);
    }

    [Fact]
    public void Examples_StartWithTheYamlLanguageServerSchemaComment()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "*.yaml"))
        {
            var first = File.ReadLines(f).First();
            Assert.Equal("# yaml-language-server: $schema=../schema/glancebake-params.schema.json", first);
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(f)!, first[StarterFile.SchemaCommentPrefix.Length..]));
            Assert.True(File.Exists(target), target);
        }
    }

    [Fact]
    public void CommittedSchema_EqualsTheGeneratedOne()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "schema", "glancebake-params.schema.json"));
        Assert.True(committed == ParameterJsonSchema.Text,
            "schema/glancebake-params.schema.json is stale: run 'glancebake schema > schema/glancebake-params.schema.json'");
    }

    [Fact]
    public void Schema_IsDraft202012_AndClosesEveryMapping()
    {
        var node = JsonNode.Parse(ParameterJsonSchema.Text)!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)node["$schema"]);
        var mappings = 0;
        void Check(JsonNode n)
        {
            if (n["properties"] is JsonObject props)
            {
                mappings++;
                Assert.False((bool)n["additionalProperties"]!);
                foreach (var (_, child) in props)
                {
                    Check(child!);
                }
            }
        }

        Check(node);
        Assert.Equal(WalkSections(ParameterSchema.Root.Section, "").Count(), mappings);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void UnknownSiblingKey_RefusedByBoth(string section, string key)
    {
        var doc = Base();
        SetAt(doc, section, key, Node(Default(section, key) ?? "x"));
        SetAt(doc, section, "zz_not_a_key", new YamlScalarNode("x"));
        AssertBoth(false, doc, DiagnosticCodes.UnknownKey);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void WrongKind_RefusedByBoth(string section, string key)
    {
        var k = Find(section, key);
        YamlNode[] wrong = k.Kind switch
        {
            ParameterKind.List => [new YamlScalarNode("x"), new YamlMappingNode(new YamlScalarNode("a"), new YamlScalarNode("b"))],
            ParameterKind.Integer => [new YamlScalarNode("one"), new YamlSequenceNode(new YamlScalarNode("1"))],
            _ => [new YamlSequenceNode(new YamlScalarNode("x")), new YamlMappingNode(new YamlScalarNode("a"), new YamlScalarNode("b"))],
        };
        foreach (var value in wrong)
        {
            var doc = Base();
            SetAt(doc, section, key, value);
            AssertBoth(false, doc, DiagnosticCodes.WrongType);
        }
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void SectionOfWrongKind_RefusedByBoth(string section)
    {
        var parent = section.Contains('.') ? section[..section.LastIndexOf('.')] : "";
        var doc = Base();
        SetAt(doc, parent, section[(section.LastIndexOf('.') + 1)..], new YamlScalarNode("x"));
        AssertBoth(false, doc, DiagnosticCodes.WrongType);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void ValueOutsideChoices_RefusedByBoth(string section, string key)
    {
        var k = Find(section, key);
        if (k.Choices is null)
        {
            return;
        }

        var doc = Base();
        SetAt(doc, section, key, k.Kind == ParameterKind.List ? List([.. k.Choices, "not-a-choice"]) : Node("not-a-choice"));
        AssertBoth(false, doc, DiagnosticCodes.NotOneOf, DiagnosticCodes.BadStore);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void MissingRequiredKey_RefusedByBoth(string section, string key)
    {
        var k = Find(section, key);
        if (!k.Required)
        {
            return;
        }

        var doc = Base();
        Mapping(doc, section).Children.Remove(new YamlScalarNode(key));
        AssertBoth(false, doc, DiagnosticCodes.MissingKey);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void DefaultsChoicesAndNull_AcceptedByBoth(string section, string key)
    {
        var k = Find(section, key);
        var values = new List<YamlNode>();
        if (k.Default is not null)
        {
            values.Add(Node(k.Default));
        }

        if (k.Choices is not null)
        {
            values.AddRange(k.Kind == ParameterKind.List ? [List(k.Choices)] : k.Choices.Select(c => (YamlNode)Node(c)));
        }

        // database.admin.password is required with method: password and refused (even as ~) with socket: a rule across
        // keys that the JSON Schema does not carry.
        if (!k.Required && !k.NonEmpty && !(section == "database.admin" && key == "password"))
        {
            values.Add(new YamlScalarNode("~"));
        }

        foreach (var value in values)
        {
            var doc = Base();
            SetAt(doc, section, key, value);
            if (section == "database.admin" && key == "method" && value is YamlScalarNode { Value: not "password" })
            {
                Mapping(doc, section).Children[new YamlScalarNode("method")] = Node("socket");
                // user, password and host are only for method: password (a rule across keys, the binder's alone).
                foreach (var other in new[] { "user", "password", "host" })
                {
                    Mapping(doc, section).Children.Remove(new YamlScalarNode(other));
                }
            }

            AssertBoth(true, doc);
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void EmptyListWhereOneIsNeeded_RefusedByBoth(string section, string key)
    {
        var k = Find(section, key);
        if (!k.NonEmpty)
        {
            return;
        }

        foreach (var value in new YamlNode[] { new YamlSequenceNode(), new YamlScalarNode("~") })
        {
            var doc = Base();
            SetAt(doc, section, key, value);
            AssertBoth(false, doc, DiagnosticCodes.MissingKey, DiagnosticCodes.BadStore);
        }
    }

    [Fact]
    public void ListOfChoicesWithAnItemTwice_RefusedByBoth()
    {
        foreach (var (section, k) in Walk(ParameterSchema.Root.Section, "").Where(x => x.Key is { Kind: ParameterKind.List, Choices: not null }))
        {
            var doc = Base();
            SetAt(doc, section, k.Name, List([k.Choices![0], k.Choices[0]]));
            AssertBoth(false, doc, DiagnosticCodes.BadStore, DiagnosticCodes.NotOneOf);
        }
    }

    /// <summary>examples/controller.yaml plus a network mapping, so every mapping of the schema is present, and
    /// database.admin with method: password, so that its user, password and host are read.</summary>
    private static YamlMappingNode Base()
    {
        var root = Load(File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "controller.yaml")));
        var admin = Mapping(root, "database.admin");
        admin.Children[new YamlScalarNode("method")] = Node("password");
        admin.Children[new YamlScalarNode("password")] = Node("DB_ROOT_PASS");
        var network = new YamlMappingNode(
            new YamlScalarNode("interface"), new YamlScalarNode("ens3"),
            new YamlScalarNode("addresses"), List(["10.0.0.11/24"]));
        Mapping(root, "controller").Children[new YamlScalarNode("network")] = network;
        return root;
    }

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>Checks that the binder and the JSON Schema both accept, or both refuse, <paramref name="doc"/>; a
    /// refusal by the binder must carry one of <paramref name="codes"/>; an acceptance means no error of the kinds
    /// the schema mirrors (checks across keys, such as a password required by another key's value, are the binder's
    /// alone).</summary>
    private static void AssertBoth(bool accepted, YamlMappingNode doc, params string[] codes)
    {
        var text = Save(doc);
        var result = ParameterLoader.Load(text, "p.yaml", RepoPaths.Root);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (accepted)
        {
            Assert.True(!errors.Any(e => SchemaCodes.Contains(e.Code)), $"binder refused:\n{string.Join("\n", errors)}\n{text}");
        }
        else
        {
            Assert.True(errors.Any(e => codes.Contains(e.Code)),
                $"binder did not refuse with {string.Join("/", codes)}:\n{string.Join("\n", result.Diagnostics)}\n{text}");
        }

        AssertSchema(accepted, Load(text), text);
    }

    private static void AssertSchema(bool valid, YamlMappingNode doc, string what)
    {
        var json = ToJson(doc, "");
        var result = Schema.Evaluate(JsonSerializer.SerializeToElement(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var details = result.Details?.Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? [];
        Assert.True(valid == result.IsValid,
            $"JSON Schema {(result.IsValid ? "accepted" : "refused")}: {string.Join("; ", details)}\n{json?.ToJsonString()}\n{what}");
    }

    /// <summary>YAML to JSON as the loader reads it: scalars stay strings (their source text), a plain null-like
    /// scalar is null, and the document's <c>schema</c> is a number when it is one.</summary>
    private static JsonNode? ToJson(YamlNode node, string key) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value, key.Length == 0 ? ((YamlScalarNode)c.Key).Value! : key + "." + ((YamlScalarNode)c.Key).Value)))),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(c => ToJson(c, key + "[]"))]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" } => null,
        YamlScalarNode { Value: var v } when key == "schema" && int.TryParse(v, out var n) => JsonValue.Create(n),
        YamlScalarNode s => JsonValue.Create(s.Value ?? ""),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static string Save(YamlMappingNode doc)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(doc)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlMappingNode Mapping(YamlMappingNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = (YamlMappingNode)node.Children[new YamlScalarNode(part)];
        }

        return node;
    }

    private static void SetAt(YamlMappingNode root, string section, string key, YamlNode value) =>
        Mapping(root, section).Children[new YamlScalarNode(key)] = value;

    /// <summary>A quoted scalar, so YAML 1.1 readers keep it text too.</summary>
    private static YamlScalarNode Node(string value) => new(value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };

    private static YamlSequenceNode List(IEnumerable<string> items) => new(items.Select(i => (YamlNode)Node(i)));

    private static string? Default(string section, string key) => Find(section, key) is { Kind: ParameterKind.Text } k ? k.Default : null;

    private static ParameterKey Find(string section, string key) =>
        Walk(ParameterSchema.Root.Section, "").Single(x => x.Path == section && x.Key.Name == key).Key;

    private static IEnumerable<(string Path, ParameterKey Key)> Walk(ParameterSection s, string path)
    {
        foreach (var k in s.Keys)
        {
            yield return (path, k);
        }

        foreach (var nested in s.Sections)
        {
            foreach (var x in Walk(nested, path.Length == 0 ? nested.Name : $"{path}.{nested.Name}"))
            {
                yield return x;
            }
        }
    }

    private static IEnumerable<string> WalkSections(ParameterSection s, string path)
    {
        yield return path;
        foreach (var nested in s.Sections)
        {
            foreach (var x in WalkSections(nested, path.Length == 0 ? nested.Name : $"{path}.{nested.Name}"))
            {
                yield return x;
            }
        }
    }
}

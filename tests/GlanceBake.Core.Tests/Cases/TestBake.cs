using System.Text;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Seed;
using GlanceBake.Testing;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>
/// Builds parameter texts from examples/controller.yaml with some values changed, bakes them in-process and
/// gives access to the outputs. Shared by the case, parameter and rendering tests.
/// </summary>
internal static class TestBake
{
    /// <summary>The folder holding GlanceBake.sln.</summary>
    public static string RepoRoot { get; } = GlanceBake.Testing.RepoPaths.Root;

    /// <summary>examples/controller.yaml as shipped.</summary>
    public static string ExampleText => File.ReadAllText(Path.Combine(RepoRoot, "examples", "controller.yaml"));

    /// <summary>The release/distro pairs the catalog supports that the cases run over.</summary>
    public static readonly (string Release, string Distro)[] Targets =
    [
        ("pike", "ubuntu-16.04"), ("queens", "ubuntu-16.04"), ("zed", "debian-12"), ("2024.1", "ubuntu-24.04"),
        ("2025.1", "ubuntu-24.04"), ("2025.1", "debian-13"),
    ];

    /// <summary>
    /// examples/controller.yaml with each dotted key set: a string (double-quoted so any text survives), a string
    /// array (a list), or null (the key removed).
    /// </summary>
    public static string With(params (string Key, object? Value)[] edits)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(ExampleText));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var (key, value) in edits)
        {
            var parts = key.Split('.');
            var map = root;
            foreach (var part in parts[..^1])
            {
                if (!map.Children.TryGetValue(new YamlScalarNode(part), out var child) || child is not YamlMappingNode m)
                {
                    m = new YamlMappingNode();
                    map.Children[new YamlScalarNode(part)] = m;
                }

                map = m;
            }

            var last = new YamlScalarNode(parts[^1]);
            switch (value)
            {
                case null:
                    map.Children.Remove(last);
                    break;
                case string s:
                    map.Children[last] = new YamlScalarNode(s) { Style = ScalarStyle.DoubleQuoted };
                    break;
                case string[] list:
                    map.Children[last] = new YamlSequenceNode(list.Select(x =>
                        new YamlScalarNode(x) { Style = ScalarStyle.DoubleQuoted }));
                    break;
                case YamlNode node:
                    map.Children[last] = node;
                    break;
                default:
                    throw new ArgumentException($"unsupported value for {key}");
            }
        }

        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>The parameter text for a release/distro pair.</summary>
    public static string ForTarget(string release, string distro, params (string Key, object? Value)[] edits) =>
        With([("target.release", release), ("target.distro", distro), .. edits]);

    /// <summary>Loads <paramref name="text"/>; fails the test with every diagnostic when it does not validate.</summary>
    public static BakeParameters Load(string text)
    {
        var result = ParameterLoader.Load(text, "controller.yaml", RepoRoot);
        Assert.True(result.Succeeded, "parameters did not validate:\n" + string.Join("\n", result.Diagnostics));
        return result.Parameters!;
    }

    /// <summary>Loads and bakes <paramref name="text"/> with the default timestamp.</summary>
    public static SeedBundle Bake(string text) => SeedBaker.Bake(Load(text), SeedBaker.DefaultTimestamp);

    /// <summary>A NoCloud file of the bundle as text.</summary>
    public static string Cidata(SeedBundle bundle, string name) =>
        Encoding.UTF8.GetString(bundle.Cidata.Single(c => c.Name == name).Content);

    /// <summary>A rootfs file of the bundle as text.</summary>
    public static string Rootfs(SeedBundle bundle, string path) =>
        Encoding.UTF8.GetString(bundle.Rootfs.Single(f => f.Path == path).Content);

    /// <summary>user-data parsed by YamlDotNet.</summary>
    public static YamlMappingNode UserData(SeedBundle bundle)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Cidata(bundle, "user-data")));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>A scalar child of a mapping, or null.</summary>
    public static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;

    /// <summary>Writes a file with bash-friendly content and returns its path.</summary>
    public static string WriteText(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes the bundle into a fresh temporary folder and returns that folder.</summary>
    public static string Write(SeedBundle bundle)
    {
        var dir = Path.Combine(NewTempDir(), "out");
        BundleWriter.Write(bundle, dir);
        return dir;
    }

    /// <summary>A fresh, empty temporary folder.</summary>
    public static string NewTempDir()
    {
        return GlanceBake.Testing.TestTemp.NewDir("core");
    }

    /// <summary>Runs /usr/bin/python3 with a script and arguments (skips when python3 or PyYAML is missing).</summary>
    public static ToolResult Python(string script, params string[] args)
    {
        var python = ExternalTool.Require("/usr/bin/python3", "python3");
        return ExternalTool.Run(python, ["-c", script, .. args]);
    }

    /// <summary>Runs bash -c with a clean environment (env -i) and positional arguments.</summary>
    public static ToolResult CleanBash(string script, params string[] args)
    {
        var env = ExternalTool.Require("/usr/bin/env", "coreutils");
        return ExternalTool.Run(env, ["-i", "/bin/bash", "-c", script, "bash", .. args]);
    }
}

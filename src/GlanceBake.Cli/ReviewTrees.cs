using System.Text;
using DiffPlex.Renderer;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Seed;

namespace GlanceBake.Cli;

/// <summary>
/// Review trees for <c>diff</c> and <c>bake --check</c>: read from a baked folder (its <c>review/</c>), from a
/// <c>review/</c> folder copied elsewhere, or rendered in memory from a parameter file; compared file by file and
/// shown as a unified diff (DiffPlex's <see cref="UnidiffRenderer"/>, <c>--- a/PATH</c> / <c>+++ b/PATH</c> as git).
/// </summary>
internal static class ReviewTrees
{
    /// <summary>A review tree: relative '/'-separated path to bytes, sorted.</summary>
    public sealed class Tree : SortedDictionary<string, byte[]>
    {
        public Tree()
            : base(StringComparer.Ordinal)
        {
        }
    }

    /// <summary>The review tree of a folder: <c>FOLDER/review/</c> when it exists (a bake's output), else FOLDER itself.</summary>
    public static Tree FromFolder(string folder)
    {
        var root = Directory.Exists(Path.Combine(folder, "review")) ? Path.Combine(folder, "review") : folder;
        var tree = new Tree();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            tree[Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        }

        return tree;
    }

    /// <summary>The review tree a bake of <paramref name="p"/> writes, rendered in memory.</summary>
    public static Tree FromParameters(BakeParameters p, DateTimeOffset timestamp)
    {
        var tree = new Tree();
        foreach (var f in SeedBaker.Bake(p, timestamp).Review)
        {
            tree[f.Path] = f.Content;
        }

        return tree;
    }

    /// <summary>Paths that differ (changed, only in one tree), sorted, with what happened.</summary>
    public static IReadOnlyList<(string Path, string Change)> Compare(Tree expected, Tree actual) =>
    [
        .. expected.Keys.Union(actual.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(path => (path, Change: !actual.ContainsKey(path) ? "missing"
                : !expected.ContainsKey(path) ? "new"
                : expected[path].AsSpan().SequenceEqual(actual[path]) ? null : "differs"))
            .Where(x => x.Change is not null)
            .Select(x => (x.path, x.Change!)),
    ];

    /// <summary>A unified diff of every differing file (3 lines of context), empty when the trees are equal.</summary>
    public static string UnifiedDiff(Tree old, Tree @new)
    {
        var text = new StringBuilder();
        foreach (var (path, change) in Compare(old, @new))
        {
            var a = old.TryGetValue(path, out var ob) ? Encoding.UTF8.GetString(ob) : "";
            var b = @new.TryGetValue(path, out var nb) ? Encoding.UTF8.GetString(nb) : "";
            text.Append($"diff --glancebake a/{path} b/{path}\n");
            var body = UnidiffRenderer.GenerateUnidiff(a, b,
                change == "new" ? "/dev/null" : $"a/{path}", change == "missing" ? "/dev/null" : $"b/{path}",
                ignoreWhitespace: false, ignoreCase: false, contextLines: 3);
            text.Append(body.Replace("\r\n", "\n", StringComparison.Ordinal));
            if (text.Length > 0 && text[^1] != '\n')
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }
}

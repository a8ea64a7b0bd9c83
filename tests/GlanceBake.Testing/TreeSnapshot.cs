using System.Text;
using DiffPlex.Renderer;
using Xunit;

namespace GlanceBake.Testing;

/// <summary>
/// Compares a produced directory tree with a checked-in <c>expected/</c> tree, byte for byte, file list included.
/// Files the caller calls binary are left out of both sides (a sums file in the tree pins their bytes instead).
/// On a mismatch the produced tree is written to <c>received/</c> (git-ignored) and the test fails with the
/// missing and extra files and a unified diff of the first differing text files.
/// </summary>
public static class TreeSnapshot
{
    /// <summary>
    /// The accept switch: with <c>GLANCEBAKE_ACCEPT=1</c> in the environment, a mismatch replaces
    /// <c>expected/</c> with the produced tree and the test passes. Review the git diff before committing it.
    /// </summary>
    public const string AcceptVariable = "GLANCEBAKE_ACCEPT";

    private const int DiffedFiles = 3;

    /// <summary>True when <see cref="AcceptVariable"/> is <c>1</c>.</summary>
    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>Every file under <paramref name="root"/>, by '/'-separated relative path, sorted ordinally.</summary>
    public static SortedDictionary<string, byte[]> Read(string root, Func<string, bool>? exclude = null)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return files;
        }

        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (exclude is null || !exclude(rel))
            {
                files[rel] = File.ReadAllBytes(path);
            }
        }

        return files;
    }

    /// <summary>
    /// Asserts that <paramref name="actualDir"/> equals <paramref name="expectedDir"/> (minus files
    /// <paramref name="exclude"/> selects); on mismatch writes <paramref name="receivedDir"/> and fails, or accepts.
    /// </summary>
    public static void AssertMatches(string actualDir, string expectedDir, string receivedDir,
        Func<string, bool>? exclude = null)
    {
        var actual = Read(actualDir, exclude);
        var expected = Read(expectedDir);
        var missing = expected.Keys.Where(k => !actual.ContainsKey(k)).ToList();
        var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        // A changed sums file only echoes the other changes: its diff goes last.
        var changed = actual.Keys.Where(k => expected.TryGetValue(k, out var e) && !e.AsSpan().SequenceEqual(actual[k]))
            .OrderBy(k => k.EndsWith("SUMS", StringComparison.Ordinal) ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal)
            .ToList();

        if (Directory.Exists(receivedDir))
        {
            Directory.Delete(receivedDir, recursive: true);
        }

        if (missing.Count == 0 && extra.Count == 0 && changed.Count == 0)
        {
            return;
        }

        WriteTree(receivedDir, actual);
        if (Accepting)
        {
            if (Directory.Exists(expectedDir))
            {
                Directory.Delete(expectedDir, recursive: true);
            }

            WriteTree(expectedDir, actual);
            Directory.Delete(receivedDir, recursive: true);
            return;
        }

        var report = new StringBuilder();
        report.Append("the produced tree differs from ").Append(expectedDir).AppendLine();
        report.Append("the produced tree is in ").Append(receivedDir)
            .Append("; to accept it run the tests again with ").Append(AcceptVariable).AppendLine("=1");
        foreach (var m in missing)
        {
            report.Append("missing: ").AppendLine(m);
        }

        foreach (var x in extra)
        {
            report.Append("extra:   ").AppendLine(x);
        }

        foreach (var c in changed)
        {
            report.Append("differs: ").AppendLine(c);
        }

        foreach (var c in changed.Take(DiffedFiles))
        {
            report.AppendLine().Append(UnifiedDiff(c, expected[c], actual[c]));
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>A unified diff of two versions of one file (git-style headers); binary content is summarised.</summary>
    public static string UnifiedDiff(string relativePath, byte[] expected, byte[] actual)
    {
        if (!IsText(expected) || !IsText(actual))
        {
            return $"Binary files a/{relativePath} ({expected.Length} bytes) and b/{relativePath} ({actual.Length} bytes) differ\n";
        }

        var diff = UnidiffRenderer.GenerateUnidiff(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual),
            "a/" + relativePath, "b/" + relativePath, ignoreWhitespace: false, ignoreCase: false, contextLines: 3);
        return $"--- expected/{relativePath} vs received/{relativePath}\n{diff}\n";
    }

    private static bool IsText(byte[] bytes) => !bytes.Contains((byte)0) && IsUtf8(bytes);

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static void WriteTree(string root, IReadOnlyDictionary<string, byte[]> files)
    {
        foreach (var (rel, bytes) in files)
        {
            var path = Path.Combine(root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
    }
}

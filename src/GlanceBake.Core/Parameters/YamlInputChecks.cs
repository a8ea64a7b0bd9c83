using System.Buffers;
using System.Text;
using GlanceBake.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GlanceBake.Core.Parameters;

/// <summary>
/// Checks on a parameter file before YamlDotNet's representation model loads it: the bytes must be UTF-8 (a
/// replacement character would otherwise slip silently into a password), and nesting must stay shallow, since
/// <c>YamlStream.Load</c> recurses once per level and a file of 100 000 <c>[</c> ends the process with a stack
/// overflow that no handler can catch.
/// </summary>
internal static class YamlInputChecks
{
    /// <summary>Largest parameter file read: 1 MiB (the shipped example is about 4 KiB).</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Deepest nesting of collections accepted; the schema itself needs 4.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The text of <paramref name="bytes"/> decoded as UTF-8 (a leading byte-order mark dropped), or null with the
    /// position of the first invalid byte (1-based line, and column in characters before it plus one).
    /// </summary>
    public static string? DecodeUtf8(byte[] bytes, string file, out SourceLocation? invalidAt)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var bad = start;
        while (bad < bytes.Length && Rune.DecodeFromUtf8(bytes.AsSpan(bad), out _, out var used) == OperationStatus.Done)
        {
            bad += used;
        }

        if (bad == bytes.Length)
        {
            invalidAt = null;
            return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        }

        var lineStart = Math.Max(start, bytes.AsSpan(0, bad).LastIndexOf((byte)'\n') + 1);
        var line = 1 + bytes.AsSpan(start, lineStart - start).Count((byte)'\n');
        var column = 1 + Encoding.UTF8.GetCharCount(bytes, lineStart, bad - lineStart);
        invalidAt = new SourceLocation(file, line, column);
        return null;
    }

    /// <summary>
    /// The bytes of the file at <paramref name="path"/>, or null when it holds more than <see cref="MaxFileBytes"/>:
    /// read with a cap, so <c>/dev/zero</c> or a huge file cannot exhaust memory. Pipes such as <c>/dev/stdin</c> work.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission.</exception>
    public static byte[]? ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var buffer = new byte[MaxFileBytes + 1];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read > MaxFileBytes ? null : buffer[..read];
    }

    /// <summary>Where the nesting first goes deeper than <see cref="MaxDepth"/>, or null when it never does.</summary>
    public static SourceLocation? TooDeep(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        return new SourceLocation(file, (int)parser.Current.Start.Line, (int)parser.Current.Start.Column);
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // syntax errors are reported by the real load
        }

        return null;
    }
}

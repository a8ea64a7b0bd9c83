using System.Buffers;
using System.Text;
using GlanceBake.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Parameters;

/// <summary>
/// Checks on a parameter file before YamlDotNet's representation model loads it: the bytes must be UTF-8 (a
/// replacement character would otherwise slip silently into a password), nesting must stay shallow, since
/// <c>YamlStream.Load</c> recurses once per level and a file of 100 000 <c>[</c> ends the process with a stack
/// overflow that no handler can catch, and aliases and keys must have shapes the model loads without recursing
/// forever (<see cref="StructureProblem"/>).
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
    /// The bytes of the file at <paramref name="path"/>, or null when it holds more than <paramref name="maxBytes"/>
    /// (default <see cref="MaxFileBytes"/>; secret files use <see cref="SecretSources.MaxFileBytes"/>):
    /// read with a cap, so <c>/dev/zero</c> or a huge file cannot exhaust memory. Pipes such as <c>/dev/stdin</c> work.
    /// The first buffer has the size the file system gives plus one byte (which shows a file that grew meanwhile);
    /// where it gives none (a pipe, <c>/dev/zero</c>, <c>/proc</c>), 4 KiB; it doubles as it fills, up to the cap plus one.
    /// A buffer of the whole cap for the usual 4 KiB file was a 1 MiB allocation, a fifth of all a bake allocates.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission.</exception>
    public static byte[]? ReadCapped(string path, int maxBytes = MaxFileBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var buffer = new byte[Math.Min(Math.Max(stream.CanSeek ? stream.Length + 1 : 0, 4096), maxBytes + 1L)];
        var read = 0;
        while (true)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                return buffer[..read];
            }

            read += n;
            if (read > maxBytes)
            {
                return null;
            }

            if (read == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, maxBytes + 1L));
            }
        }
    }

    /// <summary>
    /// The first shape YamlDotNet's representation model cannot load safely, or null when there is none:
    /// nesting deeper than <see cref="MaxDepth"/>; an alias before its anchor (YAML 1.2 section 3.2.2.2: an alias
    /// refers to an anchor that occurs earlier) or inside the collection its anchor names (a cycle); an alias or a
    /// collection as a mapping key. YamlDotNet 18 compares keys with <c>Equals</c>, which for a forward alias recurses
    /// until the process dies of a stack overflow no handler can catch (found by tests/fuzz:
    /// <c>keys: {*v : x}</c> before <c>&amp;v</c>); a parameter file needs none of these.
    /// </summary>
    /// <param name="text">The parameter file's text.</param>
    /// <param name="file">Name shown in diagnostics.</param>
    /// <returns>Where (1-based line and column) and what, or null. Syntax errors (<see cref="YamlException"/>) are left
    /// to the real load; any other exception of the parser is reported here, at the end of the last event it read.</returns>
    public static (SourceLocation At, string Message)? StructureProblem(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var frames = new Stack<(bool IsMapping, bool ExpectKey, string? Anchor)>();
        var complete = new HashSet<string>(StringComparer.Ordinal);
        var open = new HashSet<string>(StringComparer.Ordinal);
        var lastGood = new SourceLocation(file, 1, 1);
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                var at = new SourceLocation(file, (int)ev.Start.Line, (int)ev.Start.Column);
                lastGood = new SourceLocation(file, (int)ev.End.Line, (int)ev.End.Column);
                var isKey = frames.Count > 0 && frames.Peek() is { IsMapping: true, ExpectKey: true };
                switch (ev)
                {
                    case AnchorAlias alias:
                        var name = alias.Value.Value;
                        if (!complete.Contains(name))
                        {
                            return (at, open.Contains(name)
                                ? $"alias '*{name}' is inside the collection its anchor '&{name}' names (a cycle)"
                                : $"alias '*{name}' comes before its anchor '&{name}'; an alias refers to an earlier anchor");
                        }

                        if (isKey)
                        {
                            return (at, $"alias '*{name}' is used as a key; a key must be a plain value");
                        }

                        NodeDone(frames);
                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty)
                        {
                            complete.Add(scalar.Anchor.Value);
                            open.Remove(scalar.Anchor.Value);
                        }

                        NodeDone(frames);
                        break;
                    case MappingStart or SequenceStart:
                        if (isKey)
                        {
                            return (at, "a collection is used as a key; a key must be a plain value");
                        }

                        if (frames.Count >= MaxDepth)
                        {
                            return (at, $"collections are nested more than {MaxDepth} levels deep here; a parameter file needs 4");
                        }

                        var anchor = ((NodeEvent)ev).Anchor;
                        string? anchorName = anchor.IsEmpty ? null : anchor.Value;
                        if (anchorName is not null)
                        {
                            complete.Remove(anchorName);
                            open.Add(anchorName);
                        }

                        frames.Push((ev is MappingStart, true, anchorName));
                        break;
                    case MappingEnd or SequenceEnd when frames.Count > 0:
                        var frame = frames.Pop();
                        if (frame.Anchor is { } done)
                        {
                            open.Remove(done);
                            complete.Add(done);
                        }

                        NodeDone(frames);
                        break;
                    case DocumentStart:
                        // anchors do not cross documents (YAML 1.2 section 9.2)
                        complete.Clear();
                        open.Clear();
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // syntax errors are reported by the real load
        }
        catch (Exception e)
        {
            // YamlDotNet's parser throws more than YamlException: ArgumentException for a tag that is not a URI
            // ("!![a]", found by tests/fuzz; it ended in exit 70), and possibly others. Whatever it throws is the
            // file's fault: report it where the parser stopped.
            return (lastGood, $"not valid YAML after this point: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        return null;
    }

    /// <summary>
    /// Loads YAML text GlanceBake did not write into YamlDotNet's representation model: <see cref="StructureProblem"/>
    /// first, then <c>YamlStream.Load</c>. Every such file goes through here (the parameter file, a secrets file, the
    /// parameter file the <c>secrets</c> verb fills, a seed's meta-data in <c>inspect</c>), so no reader can skip the
    /// check whose absence ends the process with a stack overflow.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="file">Name shown in <paramref name="problem"/>.</param>
    /// <param name="problem">Where and what, when the structure check refuses the text.</param>
    /// <returns>The loaded stream, or null with <paramref name="problem"/>. The load's own exceptions
    /// (<see cref="YamlException"/>, and the <see cref="ArgumentException"/> and <see cref="InvalidOperationException"/>
    /// YamlDotNet throws without a mark) reach the caller, which words them.</returns>
    public static YamlStream? Load(string text, string file, out (SourceLocation At, string Message)? problem)
    {
        problem = StructureProblem(text, file);
        if (problem is not null)
        {
            return null;
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream;
    }

    /// <summary>A whole node ended: in a mapping, a key is followed by its value and a value by the next key.</summary>
    private static void NodeDone(Stack<(bool IsMapping, bool ExpectKey, string? Anchor)> frames)
    {
        if (frames.Count > 0 && frames.Peek() is { IsMapping: true } top)
        {
            frames.Pop();
            frames.Push(top with { ExpectKey = !top.ExpectKey });
        }
    }
}

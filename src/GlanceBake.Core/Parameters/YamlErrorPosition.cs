using GlanceBake.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GlanceBake.Core.Parameters;

/// <summary>
/// Where a YAML error really is. YamlDotNet's exception marks are sometimes no help: a tab used as indentation
/// ("found invalid tab as indentation") and an alias of an unknown anchor (<see cref="AnchorNotFoundException"/>)
/// both come with line 1, column 1; a tab inside a plain scalar comes with the scalar's start; a duplicate key found
/// by the representation model comes as an <see cref="ArgumentException"/> without any mark. Positions here are
/// 1-based, as YamlDotNet's <c>Mark</c> (YAML 1.2 5.5: tabs are never indentation).
/// </summary>
internal static class YamlErrorPosition
{
    /// <summary>The position to report for <paramref name="e"/>, thrown while loading <paramref name="text"/>.</summary>
    public static SourceLocation Of(YamlException e, string text, string file)
    {
        if (e is AnchorNotFoundException && AliasOfUnknownAnchor(text) is { } alias)
        {
            return new SourceLocation(file, (int)alias.Line, (int)alias.Column);
        }

        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentationTab(text, (int)e.Start.Line) is { } tab)
        {
            return new SourceLocation(file, tab.Line, tab.Column);
        }

        return new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column);
    }

    /// <summary>The first key that repeats a key of its own mapping (compared as scalar text), or null.</summary>
    public static SourceLocation? DuplicateKey(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        // Per open collection: the keys seen (null for sequences) and whether the next node is a key.
        var stack = new Stack<(HashSet<string>? Keys, bool ExpectKey)>();
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                var isKey = stack.Count > 0 && stack.Peek().Keys is not null && stack.Peek().ExpectKey;
                if (isKey && ev is Scalar key && !stack.Peek().Keys!.Add(key.Value))
                {
                    return new SourceLocation(file, (int)key.Start.Line, (int)key.Start.Column);
                }

                if (ev is MappingEnd or SequenceEnd)
                {
                    stack.Pop();
                    Flip(stack);
                }
                else if (ev is MappingStart or SequenceStart)
                {
                    stack.Push((ev is MappingStart ? new HashSet<string>(StringComparer.Ordinal) : null, true));
                }
                else if (ev is Scalar or AnchorAlias)
                {
                    Flip(stack);
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // a syntax error after the last event: no duplicate found before it
        }

        return null;
    }

    // After a whole node inside a mapping, a key is followed by a value and a value by a key.
    private static void Flip(Stack<(HashSet<string>? Keys, bool ExpectKey)> stack)
    {
        if (stack.Count > 0 && stack.Peek().Keys is not null)
        {
            var top = stack.Pop();
            stack.Push((top.Keys, !top.ExpectKey));
        }
    }

    // The first alias ("*name") whose anchor was not defined before it (YAML 1.2 7.1: aliases refer back).
    private static Mark? AliasOfUnknownAnchor(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                        return alias.Start;
                    case NodeEvent { Anchor.IsEmpty: false } node:
                        anchors.Add(node.Anchor.Value);
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // not found before the parser gave up
        }

        return null;
    }

    // The first tab in a line's leading whitespace, from line `fromLine` on (or from the top if there is none after).
    private static (int Line, int Column)? IndentationTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        foreach (var start in new[] { Math.Max(fromLine, 1), 1 })
        {
            for (var i = start - 1; i < lines.Length; i++)
            {
                var line = lines[i];
                for (var c = 0; c < line.Length && line[c] is ' ' or '\t'; c++)
                {
                    if (line[c] == '\t')
                    {
                        return (i + 1, c + 1);
                    }
                }
            }
        }

        return null;
    }
}

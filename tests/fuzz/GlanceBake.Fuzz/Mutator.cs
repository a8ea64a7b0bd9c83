using System.Text;
using System.Text.RegularExpressions;

namespace GlanceBake.Fuzz;

/// <summary>
/// Makes one input from the seeds: one to four mutations, byte-level (flips, inserts, deletions, splices) or
/// YAML-aware (a scalar swapped for a hostile value or fragment, deep nesting, aliases, keys duplicated or
/// unknown, lines moved or re-indented). Deterministic: the same <see cref="Random"/> state gives the same input.
/// </summary>
internal sealed partial class Mutator(IReadOnlyList<byte[]> seeds)
{
    private static readonly byte[][] Interesting =
    [
        [0], [0xFF], [0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80, 0xAE], [0xEF, 0xBB, 0xBF],
        "\r"u8.ToArray(), "\r\n"u8.ToArray(), "\t"u8.ToArray(), "\n"u8.ToArray(), ": "u8.ToArray(), "- "u8.ToArray(),
        "#"u8.ToArray(), "&a "u8.ToArray(), "*a"u8.ToArray(), "!!"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(),
        "]"u8.ToArray(), "'"u8.ToArray(), "\""u8.ToArray(), "\\"u8.ToArray(), "|"u8.ToArray(), ">"u8.ToArray(), "?"u8.ToArray(),
        "---\n"u8.ToArray(), "...\n"u8.ToArray(), "%YAML 1.2\n"u8.ToArray(), "<<: "u8.ToArray(), ","u8.ToArray(), "~"u8.ToArray(),
    ];

    /// <summary>One mutated input.</summary>
    public byte[] Next(Random rng)
    {
        var data = seeds[rng.Next(seeds.Count)];
        var rounds = 1 + rng.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            data = rng.Next(10) < 6 ? MutateYaml(data, rng) : MutateBytes(data, rng);
        }

        return data;
    }

    private byte[] MutateBytes(byte[] data, Random rng)
    {
        var list = new List<byte>(data);
        switch (rng.Next(8))
        {
            case 0 when list.Count > 0:
                var at = rng.Next(list.Count);
                list[at] ^= (byte)(1 << rng.Next(8));
                break;
            case 1 when list.Count > 0:
                list[rng.Next(list.Count)] = (byte)rng.Next(256);
                break;
            case 2:
                list.InsertRange(rng.Next(list.Count + 1), Interesting[rng.Next(Interesting.Length)]);
                break;
            case 3 when list.Count > 0:
                var start = rng.Next(list.Count);
                list.RemoveRange(start, Math.Min(list.Count - start, 1 + rng.Next(rng.Next(2) == 0 ? 8 : 256)));
                break;
            case 4 when list.Count > 0:
                var from = rng.Next(list.Count);
                var len = Math.Min(list.Count - from, 1 + rng.Next(64));
                list.InsertRange(rng.Next(list.Count + 1), list.GetRange(from, len));
                break;
            case 5:
                // splice: a prefix of this input and a suffix of another seed
                var other = seeds[rng.Next(seeds.Count)];
                var cut = rng.Next(list.Count + 1);
                return [.. list.Take(cut), .. other.Skip(rng.Next(other.Length + 1))];
            case 6:
                var random = new byte[1 + rng.Next(16)];
                rng.NextBytes(random);
                list.InsertRange(rng.Next(list.Count + 1), random);
                break;
            default:
                list.InsertRange(rng.Next(list.Count + 1), Interesting[rng.Next(Interesting.Length)]);
                break;
        }

        return [.. list];
    }

    private static byte[] MutateYaml(byte[] data, Random rng)
    {
        var text = Encoding.UTF8.GetString(data);
        var lines = text.Split('\n').ToList();
        var values = new List<(int Line, int Column)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var m = KeyValue().Match(lines[i]);
            if (m.Success)
            {
                values.Add((i, m.Groups["value"].Index));
            }
        }

        var keyLines = Enumerable.Range(0, lines.Count).Where(i => KeyOnly().IsMatch(lines[i])).ToList();
        switch (rng.Next(12))
        {
            case 0 or 1 or 2 when values.Count > 0:
                var (line, col) = values[rng.Next(values.Count)];
                lines[line] = lines[line][..col] + Scalar(rng);
                break;
            case 3 when values.Count > 0:
                (line, col) = values[rng.Next(values.Count)];
                lines[line] = lines[line][..col] + HostileValues.Fragments[rng.Next(HostileValues.Fragments.Length)];
                break;
            case 4 when values.Count > 0:
                // deep nesting around the limit of 64, as flow and as block collections
                (line, col) = values[rng.Next(values.Count)];
                var depth = rng.Next(4) switch { 0 => 1 + rng.Next(70), 1 => 60 + rng.Next(10), 2 => 200, _ => 5000 };
                lines[line] = lines[line][..col] + (rng.Next(2) == 0
                    ? new string('[', depth) + "x" + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{a: ", depth)) + "x" + new string('}', depth));
                break;
            case 5:
                // an alias bomb, whole or in part, at a random line
                var levels = 1 + rng.Next(12);
                var bomb = new StringBuilder("x0: &a0 [lol, lol]\n");
                for (var l = 1; l < levels; l++)
                {
                    bomb.Append($"x{l}: &a{l} [{string.Join(", ", Enumerable.Repeat($"*a{l - 1}", 9))}]\n");
                }

                lines.Insert(rng.Next(lines.Count + 1), bomb.ToString().TrimEnd('\n'));
                break;
            case 6 when values.Count > 1:
                // anchor one value, alias it from another (and sometimes as a key or a merge)
                var a = values[rng.Next(values.Count)];
                var b = values[rng.Next(values.Count)];
                var original = lines[a.Line][a.Column..];
                lines[a.Line] = lines[a.Line][..a.Column] + "&v " + original;
                lines[b.Line] = rng.Next(3) switch
                {
                    0 => lines[b.Line][..b.Column] + "*v",
                    1 => Indent(lines[b.Line]) + "<<: *v",
                    _ => lines[b.Line][..b.Column] + "{*v : x}",
                };
                break;
            case 7 when lines.Count > 0:
                // duplicate a line (a duplicate key) or add an unknown key beside it
                var dup = rng.Next(lines.Count);
                lines.Insert(dup + 1, rng.Next(2) == 0 ? lines[dup] : Indent(lines[dup]) + "fuzz_unknown: 1");
                break;
            case 8 when lines.Count > 1:
                var x = rng.Next(lines.Count);
                var y = rng.Next(lines.Count);
                (lines[x], lines[y]) = (lines[y], lines[x]);
                break;
            case 9 when lines.Count > 0:
                var r = rng.Next(lines.Count);
                lines[r] = rng.Next(4) switch
                {
                    0 => "\t" + lines[r],
                    1 => " " + lines[r],
                    2 => lines[r].TrimStart(),
                    _ => "  " + lines[r],
                };
                break;
            case 10 when keyLines.Count > 0:
                // a section's value replaced wholesale: scalar, empty, list, or a section removed
                var k = keyLines[rng.Next(keyLines.Count)];
                lines[k] = lines[k].TrimEnd() + " " + (rng.Next(3) switch { 0 => Scalar(rng), 1 => "[]", _ => "" });
                if (rng.Next(2) == 0)
                {
                    var end = k + 1;
                    while (end < lines.Count && (lines[end].StartsWith(' ') || lines[end].Length == 0))
                    {
                        end++;
                    }

                    lines.RemoveRange(k + 1, end - k - 1);
                }

                break;
            case 11 when lines.Count > 0:
                lines.RemoveAt(rng.Next(lines.Count));
                break;
            default:
                lines.Insert(rng.Next(lines.Count + 1), rng.Next(2) == 0 ? "---" : "%YAML 1.1");
                break;
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    /// <summary>A hostile text as YAML: plain, single-quoted, double-quoted (with escapes) or a literal block.</summary>
    private static string Scalar(Random rng)
    {
        var v = HostileValues.Texts[rng.Next(HostileValues.Texts.Length)];
        if (rng.Next(5) == 0)
        {
            v += HostileValues.Texts[rng.Next(HostileValues.Texts.Length)];
        }

        return rng.Next(4) switch
        {
            0 => v,
            1 => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'",
            2 => "\"" + Escape(v) + "\"",
            _ => "|-\n" + string.Join('\n', v.Split('\n').Select(l => "      " + l)),
        };
    }

    private static string Escape(string v)
    {
        var sb = new StringBuilder();
        foreach (var c in v)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string Indent(string line) => line[..(line.Length - line.TrimStart().Length)];

    [GeneratedRegex(@"^\s*(?:- )?[A-Za-z_][A-Za-z0-9_.]*:[ ]+(?<value>[^#\s].*)$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^\s*[A-Za-z_][A-Za-z0-9_]*:\s*(?:#.*)?$")]
    private static partial Regex KeyOnly();
}

using System.Text;

namespace GlanceBake.Core.Rendering;

/// <summary>
/// The named escaping filters every template value passes through where it crosses into another language.
/// Imported into Scriban under snake_case names (<c>{{ p.glance.password | ini }}</c>). Each throws
/// <see cref="ArgumentException"/> for a value its target syntax cannot carry (validation rejects those earlier;
/// the throw guards against a template bug). Messages never include the value.
/// </summary>
public static class EscapeFilters
{
    /// <summary>
    /// An oslo.config value (oslo_config/iniparser.py <c>_split_key_value</c>, then <c>ConfigOpts._substitute</c>).
    /// oslo.config substitutes <c>$name</c> and <c>${name}</c> (string.Template, where <c>$$</c> is a literal
    /// <c>$</c>), after first rewriting <c>\$</c> to <c>$$</c> (since oslo.config 1.3.0): so <c>$</c> is written
    /// <c>$$</c>, except right after a backslash, where it is written <c>\$</c> (<c>\$</c> becomes <c>\$</c>).
    /// The parser strips surrounding blanks, then one pair of matching outer quotes whenever the value starts and
    /// ends with the same quote character, even a lone <c>'</c>; so a value with leading/trailing blanks, or one
    /// that starts and ends with the same quote, is wrapped in double quotes. Newlines are refused.
    /// </summary>
    public static string Ini(object? value)
    {
        var text = Text(value, "ini");
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            escaped.Append(text[i] != '$' ? text[i].ToString() : i > 0 && text[i - 1] == '\\' ? "\\$" : "$$");
        }

        var result = escaped.ToString();
        var needsQuotes = result.Length > 0
            && (char.IsWhiteSpace(result[0]) || char.IsWhiteSpace(result[^1])
                || (result[0] == result[^1] && result[0] is '"' or '\''));
        return needsQuotes ? $"\"{result}\"" : result;
    }

    /// <summary>
    /// A MariaDB string literal: single-quoted, <c>\</c> doubled and <c>'</c> doubled (MariaDB's default
    /// <c>sql_mode</c>, where backslash escapes; see "String Literals" in the MariaDB reference).
    /// </summary>
    public static string SqlString(object? value) =>
        "'" + Text(value, "sql_string").Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A MariaDB identifier in backquotes, with backquotes doubled.</summary>
    public static string SqlIdent(object? value) =>
        "`" + Text(value, "sql_ident").Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>
    /// One POSIX shell word, always in single quotes, with each <c>'</c> written <c>'\''</c>: the shell expands
    /// nothing in it, and an assignment such as <c>role='admin'</c> is never mistaken for a command (shellcheck SC2209).
    /// </summary>
    public static string Sh(object? value) =>
        "'" + Text(value, "sh").Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// A list as shell words, each through <see cref="Sh"/>, separated by one space: the body of a bash array
    /// (<c>packages=({{ packages | sh_words }})</c>).
    /// </summary>
    public static string ShWords(IEnumerable<object?> values) => string.Join(" ", values.Select(Sh));

    /// <summary>
    /// RFC 3986 section 3.2.1 userinfo part (user or password of a database URL): every octet outside the
    /// unreserved set <c>A-Z a-z 0-9 - . _ ~</c> is percent-encoded from UTF-8 (<c>p@ss/w:rd#1</c> becomes
    /// <c>p%40ss%2Fw%3Ard%231</c>). SQLAlchemy's URL parser decodes it back.
    /// </summary>
    public static string UrlUserinfo(object? value) => Uri.EscapeDataString(Text(value, "url_userinfo"));

    /// <summary>
    /// A systemd unit-file value: <c>%</c> doubled (specifier expansion, systemd.unit(5) "Specifiers");
    /// newlines refused.
    /// </summary>
    public static string Systemd(object? value) => Text(value, "systemd").Replace("%", "%%", StringComparison.Ordinal);

    /// <summary>
    /// A MariaDB option-file value (mysys <c>my_default.c</c>): wrapped in quotes so <c>#</c> does not start a
    /// comment, with <c>\</c> doubled (option values take the escapes <c>\b \t \n \r \\ \s</c>). Double quotes
    /// are used unless the value holds one, then single quotes; a value with both kinds is refused (validation
    /// rejects it first), since the comment scanner would end the quoting early.
    /// </summary>
    public static string Mycnf(object? value)
    {
        var text = Text(value, "mycnf").Replace("\\", "\\\\", StringComparison.Ordinal);
        var quote = !text.Contains('"') ? '"' : !text.Contains('\'') ? '\'' :
            throw new ArgumentException("filter 'mycnf': the value holds both quote characters, which it cannot carry");
        return $"{quote}{text}{quote}";
    }

    /// <summary>
    /// One field of a one-line-style apt source (sources.list(5) "ONE-LINE-STYLE FORMAT"): fields are separated by
    /// white space and the format has no quoting, <c>#</c> starts a comment and <c>[</c> opens the options, so a
    /// value holding any of those (or nothing) is refused rather than escaped.
    /// </summary>
    public static string AptField(object? value)
    {
        var text = Text(value, "apt_field");
        if (text.Length == 0 || text.Any(c => char.IsWhiteSpace(c) || c is '#' or '[' or ']'))
        {
            throw new ArgumentException("filter 'apt_field': the value is empty or holds white space, '#', '[' or ']', which a sources.list field cannot carry");
        }

        return text;
    }

    /// <summary>A list joined with <paramref name="separator"/> after applying nothing: use before an escaping filter.</summary>
    public static string JoinList(IEnumerable<object?> values, string separator) =>
        string.Join(separator, values.Select(v => Text(v, "join_list")));

    private static string Text(object? value, string filter)
    {
        var text = value switch
        {
            null => throw new ArgumentException($"filter '{filter}' got no value (template bug)"),
            string s => s,
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.Any(c => c is '\n' or '\r' or '\0'))
        {
            throw new ArgumentException($"filter '{filter}': the value holds a line break or NUL, which it cannot carry");
        }

        return text;
    }

    /// <summary>UTF-8 without BOM, the encoding of every text file GlanceBake writes.</summary>
    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}

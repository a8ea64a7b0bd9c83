using GlanceBake.Core.Rendering;
using GlanceBake.Core.Tests.Cases;
using Xunit;

namespace GlanceBake.Core.Tests.Rendering;

/// <summary>Each escaping filter on nasty values; the shell one also through a real bash.</summary>
public sealed class EscapeFiltersTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("$HOME ${x}", "$$HOME $${x}")]
    [InlineData(" lead", "\" lead\"")]
    [InlineData("trail ", "\"trail \"")]
    [InlineData("\"quoted\"", "\"\"quoted\"\"")]
    [InlineData("'single'", "\"'single'\"")]
    [InlineData("a'b\"c\\d", "a'b\"c\\d")]
    [InlineData("#not-a-comment", "#not-a-comment")]
    [InlineData("", "")]
    [InlineData("'", "\"'\"")]                 // issue 9: oslo.config strips a lone quote as a "pair" (read back as "")
    [InlineData("\"", "\"\"\"")]
    [InlineData("-\\$mP.", "-\\\\$mP.")]          // issue 9: oslo.config rewrites \$ to $$ before substitution
    [InlineData("\\$$", "\\\\$$$")]
    [InlineData("\\\\$", "\\\\\\$")]
    public void Ini_Value_IsEscapedForOsloConfig(string value, string expected) => Assert.Equal(expected, EscapeFilters.Ini(value));

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("a'b", "'a''b'")]
    [InlineData("a\\b", "'a\\\\b'")]
    [InlineData("\\'", "'\\\\'''")]
    [InlineData("pässwörd", "'pässwörd'")]
    [InlineData("", "''")]
    public void SqlString_Value_IsAMariaDbLiteral(string value, string expected) => Assert.Equal(expected, EscapeFilters.SqlString(value));

    [Theory]
    [InlineData("glance", "`glance`")]
    [InlineData("a`b", "`a``b`")]
    public void SqlIdent_Value_IsBackquoted(string value, string expected) => Assert.Equal(expected, EscapeFilters.SqlIdent(value));

    [Theory]
    [InlineData("p@ss/w:rd#1", "p%40ss%2Fw%3Ard%231")]
    [InlineData("pässwörd", "p%C3%A4ssw%C3%B6rd")]
    [InlineData("A-z0.9_~", "A-z0.9_~")]
    [InlineData("!*'() $%&+,;=[]?", "%21%2A%27%28%29%20%24%25%26%2B%2C%3B%3D%5B%5D%3F")]
    public void UrlUserinfo_Value_IsPercentEncodedOutsideUnreserved(string value, string expected) =>
        Assert.Equal(expected, EscapeFilters.UrlUserinfo(value));

    [Theory]
    [InlineData("mariadb.service", "mariadb.service")]
    [InlineData("50%", "50%%")]
    [InlineData("%n%%", "%%n%%%%")]
    public void Systemd_Value_DoublesPercent(string value, string expected) => Assert.Equal(expected, EscapeFilters.Systemd(value));

    [Theory]
    [InlineData("secret", "\"secret\"")]
    [InlineData("a#b", "\"a#b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("it's", "\"it's\"")]
    public void Mycnf_Value_IsQuoted(string value, string expected) => Assert.Equal(expected, EscapeFilters.Mycnf(value));

    [Fact]
    public void Mycnf_BothQuoteKinds_Throws() => Assert.Throws<ArgumentException>(() => EscapeFilters.Mycnf("a'b\"c"));

    [Theory]
    [InlineData("simple", "'simple'")]
    [InlineData("10.0.0.11:11211", "'10.0.0.11:11211'")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("=x", "'=x'")]
    [InlineData("~root", "'~root'")]
    public void Sh_Value_IsOneShellWord(string value, string expected) => Assert.Equal(expected, EscapeFilters.Sh(value));

    public static IEnumerable<object[]> ShellNasties() =>
        NastyValues.Passwords.Concat(["", "*", "?", "~", "!x", "{a,b}", "$(date)", "`id`", "-n", "=", "%1", "a\\", "\\", "'", "''", "a  b", "[x]", "&", "x>y"])
            .Select(v => new object[] { v });

    [SkippableTheory]
    [MemberData(nameof(ShellNasties))]
    public void Sh_NastyValue_BashReadsItBackAsOneWord(string value)
    {
        var r = TestBake.CleanBash($"set -- {EscapeFilters.Sh(value)}; printf '%s|%s' \"$#\" \"$1\"");
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Equal($"1|{value}", r.StandardOutput);
    }

    public static IEnumerable<object[]> Filters() =>
    [
        ["ini"], ["sh"], ["sql_string"], ["sql_ident"], ["url_userinfo"], ["systemd"], ["mycnf"],
    ];

    private static string Apply(string filter, object? value) => filter switch
    {
        "ini" => EscapeFilters.Ini(value),
        "sh" => EscapeFilters.Sh(value),
        "sql_string" => EscapeFilters.SqlString(value),
        "sql_ident" => EscapeFilters.SqlIdent(value),
        "url_userinfo" => EscapeFilters.UrlUserinfo(value),
        "systemd" => EscapeFilters.Systemd(value),
        "mycnf" => EscapeFilters.Mycnf(value),
        _ => throw new ArgumentException(filter),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Filter_LineBreakOrNul_ThrowsWithoutTheValue(string filter)
    {
        foreach (var bad in new[] { "Zq7SECRET\nx", "Zq7SECRET\rx", "Zq7SECRET\0x" })
        {
            var e = Assert.Throws<ArgumentException>(() => Apply(filter, bad));
            Assert.DoesNotContain("Zq7SECRET", e.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public void Filter_Null_Throws(string filter) => Assert.Throws<ArgumentException>(() => Apply(filter, null));

    [Fact]
    public void Filters_Numbers_UseInvariantCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("'1.5'", EscapeFilters.Sh(1.5));
            Assert.Equal("300", EscapeFilters.Ini(300));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void ShWords_List_IsEachItemAsOneShellWordSeparatedBySpaces() =>
        Assert.Equal("'glance' 'a b' 'it'\\''s'", EscapeFilters.ShWords(["glance", "a b", "it's"]));
}

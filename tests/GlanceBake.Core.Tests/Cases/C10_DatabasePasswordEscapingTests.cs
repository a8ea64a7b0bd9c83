using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GlanceBake.Core.Seed;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>
/// C10: each language a password crosses into gets it escaped by that language's rules, and each one's own reader
/// gives back the exact value: the database URL (RFC 3986 userinfo), oslo.config INI, the MariaDB string literal,
/// and the shell files (admin-openrc, secrets.env).
/// </summary>
public sealed partial class C10_DatabasePasswordEscapingTests
{
    public static IEnumerable<object[]> Passwords => NastyValues.PasswordData;

    [Fact]
    public void Bake_GuidePassword_ConnectionIsPercentEncodedExactly()
    {
        var bundle = TestBake.Bake(TestBake.With(("database.password", "p@ss/w:rd#1")));
        var conf = TestBake.Rootfs(bundle, "/etc/glance/glance-api.conf");
        Assert.Contains("\nconnection = mysql+pymysql://glance:p%40ss%2Fw%3Ard%231@10.0.0.11/glance\n", conf);
    }

    [Theory]
    [MemberData(nameof(Passwords))]
    public void Bake_NastyPassword_ConnectionUserinfoIsPercentEncoded(string password)
    {
        var bundle = TestBake.Bake(NastyValues.AllPasswords(password));
        var line = TestBake.Rootfs(bundle, "/etc/glance/glance-api.conf").Split('\n').Single(l => l.StartsWith("connection = "));
        var m = Regex.Match(line, "^connection = mysql\\+pymysql://glance:([A-Za-z0-9._~%-]*)@10\\.0\\.0\\.11/glance$");
        Assert.True(m.Success, line);
        Assert.Equal(password, Uri.UnescapeDataString(m.Groups[1].Value));
        Assert.Equal(IndependentPercentEncode(password), m.Groups[1].Value);
    }

    private static string IndependentPercentEncode(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' ? c.ToString() : $"%{b:X2}");
        }

        return sb.ToString();
    }

    private const string IniScript = """
        import configparser, json, sys
        cp = configparser.RawConfigParser(interpolation=None, strict=True)
        with open(sys.argv[1], encoding='utf-8') as f:
            cp.read_file(f)
        def oslo(v):
            # oslo_config.iniparser strips one pair of matching outer quotes; oslo.config then reads $$ as $.
            if v and v[0] == v[-1] and v[0] in '"\'' and len(v) > 1:
                v = v[1:-1]
            return v.replace('$$', '$')
        out = {s: {k: oslo(v) for k, v in cp.items(s)} for s in cp.sections()}
        sys.stdout.write(json.dumps(out, ensure_ascii=True))
        """;

    [SkippableTheory]
    [MemberData(nameof(Passwords))]
    public void Bake_NastyPassword_GlanceApiConfReadsBackExactValues(string password)
    {
        var bundle = TestBake.Bake(NastyValues.AllPasswords(password));
        var dir = TestBake.WriteRootfs(bundle);
        var r = TestBake.Python(IniScript, Path.Combine(dir, "rootfs/etc/glance/glance-api.conf")).ShouldSucceed("configparser");
        using var json = JsonDocument.Parse(r.StandardOutput);
        var authtoken = json.RootElement.GetProperty("keystone_authtoken");
        Assert.Equal(password, authtoken.GetProperty("password").GetString());
        var connection = json.RootElement.GetProperty("database").GetProperty("connection").GetString()!;
        Assert.Equal($"mysql+pymysql://glance:{IndependentPercentEncode(password)}@10.0.0.11/glance", connection);
    }

    [Theory]
    [MemberData(nameof(Passwords))]
    public void Bake_NastyPassword_SqlHoldsTheRawValueAsAQuotedLiteral(string password)
    {
        var bundle = TestBake.Bake(NastyValues.AllPasswords(password));
        var lines = TestBake.Rootfs(bundle, "/etc/glancebake/glance-db.sql").Split('\n');
        foreach (var host in new[] { "localhost", "%" })
        {
            AssertLiteralAfter(lines, $"CREATE USER IF NOT EXISTS 'glance'@'{host}' IDENTIFIED BY ", password);
            AssertLiteralAfter(lines, $"ALTER USER 'glance'@'{host}' IDENTIFIED BY ", password);
            Assert.Contains($"GRANT ALL PRIVILEGES ON `glance`.* TO 'glance'@'{host}';", lines);
        }

        // MySQL 8.0 rejects GRANT ... IDENTIFIED BY (ERROR 1064): the file the modern servers get never has it.
        Assert.DoesNotContain(lines, l => l.StartsWith("GRANT ", StringComparison.Ordinal) && l.Contains("IDENTIFIED", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Passwords))]
    public void Bake_NastyPasswordOnXenial_LegacySqlHoldsTheRawValueAsAQuotedLiteral(string password)
    {
        var text = TestBake.ForTarget("pike", "ubuntu-16.04", ("database.password", password), ("keystone.admin.password", password),
            ("glance.password", password));
        var lines = TestBake.Rootfs(TestBake.Bake(text), "/etc/glancebake/glance-db-legacy.sql").Split('\n');
        foreach (var host in new[] { "localhost", "%" })
        {
            AssertLiteralAfter(lines, $"GRANT ALL PRIVILEGES ON `glance`.* TO 'glance'@'{host}' IDENTIFIED BY ", password);
        }
    }

    /// <summary>Exactly one line starts with <paramref name="prefix"/>, and the rest is <paramref name="password"/>
    /// as one MariaDB string literal, then <c>;</c>.</summary>
    private static void AssertLiteralAfter(string[] lines, string prefix, string password)
    {
        var line = Assert.Single(lines, g => g.StartsWith(prefix, StringComparison.Ordinal));
        var rest = line[prefix.Length..];
        var (value, consumed) = DecodeMariaDbString(rest);
        Assert.Equal(password, value);
        Assert.Equal(";", rest[consumed..]);
    }

    /// <summary>Reads one MariaDB single-quoted literal (default sql_mode: backslash escapes, '' is a quote).</summary>
    private static (string Value, int Consumed) DecodeMariaDbString(string text)
    {
        Assert.StartsWith("'", text);
        var sb = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                var n = text[++i];
                sb.Append(n switch { '0' => '\0', 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'Z' => '\x1a', _ => n });
                if (n is '%' or '_')
                {
                    sb.Insert(sb.Length - 1, '\\'); // \% and \_ keep their backslash
                }
            }
            else if (c == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    sb.Append('\'');
                    i++;
                }
                else
                {
                    return (sb.ToString(), i + 1);
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        Assert.Fail("unterminated string literal");
        return ("", 0);
    }

    [SkippableTheory]
    [MemberData(nameof(Passwords))]
    public void Bake_NastyPassword_AdminOpenrcGivesBackTheExactPasswordAsOneWord(string password)
    {
        var dir = TestBake.WriteRootfs(TestBake.Bake(NastyValues.AllPasswords(password)));
        var r = TestBake.CleanBash(". \"$1\" && printf '%s' \"$OS_PASSWORD\"", Path.Combine(dir, "rootfs/root/admin-openrc"));
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Equal(password, r.StandardOutput);
        Assert.Equal("", r.StandardError);
    }

    [SkippableTheory]
    [MemberData(nameof(Passwords))]
    public void Bake_NastyPassword_SecretsEnvGivesBackTheExactPasswordAsOneWord(string password)
    {
        var dir = TestBake.WriteRootfs(TestBake.Bake(NastyValues.AllPasswords(password)));
        var r = TestBake.CleanBash(". \"$1\" && printf '%s' \"$GLANCE_PASS\"", Path.Combine(dir, "rootfs/etc/glancebake/secrets.env"));
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Equal(password, r.StandardOutput);
        Assert.Equal("", r.StandardError);
    }

    [Fact]
    public void Bake_NastyPassword_SqlReachesMariaDbThroughStdinNotTheShell()
    {
        var bundle = TestBake.Bake(NastyValues.AllPasswords("p@ss/w:rd#1"));
        var step = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/20-database.sh");
        Assert.Contains("db_admin --batch < \"$GB_CONF_DIR/$sql\"", step);
        Assert.Contains("  sql=glance-db.sql", step);
        Assert.DoesNotContain("p@ss", step);
        foreach (var f in bundle.Rootfs.Where(f => f.Path.Contains("/steps/") || f.Path.EndsWith("firstboot")))
        {
            Assert.DoesNotContain("p@ss/w:rd#1", Encoding.UTF8.GetString(f.Content));
        }

        var sqlFile = bundle.Rootfs.Single(f => f.Path == "/etc/glancebake/glance-db.sql");
        Assert.Equal(("root:root", 0b110_000_000), (sqlFile.Owner, sqlFile.Mode));
    }

    [Fact]
    public void Bake_SeedBakerIsDeterministicForNastyValues()
    {
        var a = TestBake.Bake(NastyValues.AllPasswords("pässwörd"));
        var b = SeedBaker.Bake(TestBake.Load(NastyValues.AllPasswords("pässwörd")), SeedBaker.DefaultTimestamp);
        Assert.Equal(a.InstanceId, b.InstanceId);
    }
}

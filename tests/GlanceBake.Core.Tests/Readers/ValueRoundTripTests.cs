using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Seed;
using GlanceBake.Core.Tests.Cases;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>
/// Issue 9: every free-text value through the real parser of every context it lands in. Seeded, deterministic
/// values (printable ASCII, combining marks, a right-to-left mark, astral characters, leading and trailing spaces,
/// every shell, SQL, URL, INI, YAML and systemd special character) are baked, and each is read back with: bash
/// (secrets.env, admin-openrc, step 95's --name and step 30's --service-description words), oslo.config (Debian
/// python3-oslo.config: [keystone_authtoken] password and [database] connection), SQLAlchemy <c>make_url</c>
/// (the connection URL's user and password), <c>my_print_defaults</c> (MariaDB client, mysql-admin.cnf), and
/// PyYAML plus cloud-init's schema validator (user-data; every write_files content equals the rendered file).
/// One bash and one python process per batch of <see cref="BatchSize"/> cases.
/// </summary>
public sealed class ValueRoundTripTests
{
    private const int Batches = 4;
    private const int BatchSize = 60;

    // Per case folder: the files as rendered, plus the two step-script fragments bash evaluates.
    private const string PythonReader = """
        import json, subprocess, sys, yaml
        from oslo_config import cfg
        from sqlalchemy.engine import make_url
        from cloudinit.config.schema import get_schema, validate_cloudconfig_schema
        schema = get_schema()
        results = []
        for d in sys.argv[1:]:
            r = {}
            try:
                conf = cfg.ConfigOpts()
                conf.register_opts([cfg.StrOpt('connection', secret=True)], group='database')
                conf.register_opts([cfg.StrOpt('password', secret=True)], group='keystone_authtoken')
                conf(args=[], project='glance', default_config_files=[d + '/glance-api.conf'], default_config_dirs=[])
                r['ini_password'] = conf.keystone_authtoken.password
                url = make_url(conf.database.connection)
                r['url_user'] = url.username
                r['url_password'] = url.password
            except Exception as e:
                r['ini_error'] = '%s: %s' % (type(e).__name__, e)
            p = subprocess.run(['my_print_defaults', '--defaults-file=' + d + '/mysql-admin.cnf', 'client'],
                               capture_output=True)
            r['mycnf'] = p.stdout.decode('utf-8', 'replace').rstrip('\n').split('\n') + ([p.stderr.decode('utf-8', 'replace')] if p.returncode else [])
            try:
                with open(d + '/user-data', encoding='utf-8') as f:
                    text = f.read()
                data = yaml.safe_load(text)
                validate_cloudconfig_schema(data, schema, strict=True)
                r['user_data_first_line'] = text.split('\n', 1)[0]
                r['write_files'] = {w['path']: w.get('content', '') for w in data['write_files']}
            except Exception as e:
                r['yaml_error'] = '%s: %s' % (type(e).__name__, e)
            results.append(r)
        json.dump(results, sys.stdout, ensure_ascii=True)
        """;

    private const string BashReader = """
        set -f
        for d in "$@"; do
          (
            . "$d/secrets.env"
            . "$d/admin-openrc"
            eval "$(cat "$d/step95.line")"
            eval "set -- $(cat "$d/step30.word")"
            printf '%s\0%s\0%s\0%s\0%s\0' "$GLANCE_PASS" "$OS_PASSWORD" "$name" "$#" "$1"
          )
        done
        """;

    public static IEnumerable<object[]> BatchNumbers => Enumerable.Range(0, Batches).Select(b => new object[] { b });

    [Fact]
    public void Generate_SameSeed_SameValuesAndEveryKindCovered()
    {
        var all = Enumerable.Range(0, Batches).SelectMany(b => Values(b)).ToList();
        Assert.Equal(all, Enumerable.Range(0, Batches).SelectMany(b => Values(b)));
        Assert.Equal(Batches * BatchSize, all.Distinct(StringComparer.Ordinal).Count());
        var chars = string.Concat(all);
        foreach (var c in Specials + "\u0301\u200F\u00A0")
        {
            Assert.Contains(c, chars);
        }

        Assert.Contains(all, v => v.StartsWith(' ') && v.EndsWith(' '));
        Assert.Contains(all, v => char.IsSurrogate(v[0]) || v.Any(char.IsSurrogate));
    }

    [SkippableTheory]
    [MemberData(nameof(BatchNumbers))]
    public void Bake_GeneratedValues_EachRealParserReadsTheExactValueBack(int batch)
    {
        var python = Python.Require("oslo_config", "python3-oslo.config");
        Python.Require("sqlalchemy", "python3-sqlalchemy");
        Python.Require("cloudinit", "cloud-init");
        ExternalTool.Require("my_print_defaults", "mariadb-client-core");
        var bash = ExternalTool.Require("/bin/bash", "bash");

        var values = Values(batch);
        var root = TestBake.NewTempDir();
        var dirs = new List<string>();
        var bundles = new List<SeedBundle>();
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            // MariaDB option files cannot hold both quote kinds in one value (GB2012): that case keeps only '.
            var adminPassword = v.Contains('"') && v.Contains('\'') ? v.Replace("\"", "", StringComparison.Ordinal) : v;
            var bundle = TestBake.Bake(TestBake.With(
                ("database.password", v), ("glance.password", v), ("keystone.admin.password", v),
                ("database.admin.method", "password"), ("database.admin.password", adminPassword),
                ("glance.service.description", v), ("verification.image_name", v)));
            var dir = Path.Combine(root, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            TestBake.WriteText(dir, "glance-api.conf", TestBake.Rootfs(bundle, "/etc/glance/glance-api.conf"));
            TestBake.WriteText(dir, "secrets.env", TestBake.Rootfs(bundle, "/etc/glancebake/secrets.env"));
            TestBake.WriteText(dir, "admin-openrc", TestBake.Rootfs(bundle, "/root/admin-openrc"));
            TestBake.WriteText(dir, "mysql-admin.cnf", TestBake.Rootfs(bundle, "/etc/glancebake/mysql-admin.cnf"));
            TestBake.WriteText(dir, "user-data", TestBake.Cidata(bundle, "user-data"));
            var step95 = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/95-verify-image.sh");
            // One sh word (the sh filter: '...' with each ' written '\''), as openstack_api.py's argument.
            const string ShWord = @"('(?:[^']|'\\'')*')";
            TestBake.WriteText(dir, "step95.line", "name=" + Regex.Match(step95, $" --name={ShWord} ").Groups[1].Value);
            var step30 = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/30-keystone.sh");
            TestBake.WriteText(dir, "step30.word", Regex.Match(step30, $" --service-description={ShWord} ").Groups[1].Value);
            dirs.Add(dir);
            bundles.Add(bundle);
        }

        var shell = ExternalTool.Run(bash, ["-c", BashReader, "bash", .. dirs]).ShouldSucceed("bash reader");
        var words = shell.StandardOutput.Split('\0');
        var parsed = JsonDocument.Parse(ExternalTool.Run(python, ["-c", PythonReader, .. dirs], timeoutSeconds: 300)
            .ShouldSucceed("python readers").StandardOutput).RootElement;

        var failures = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            var adminPassword = v.Contains('"') && v.Contains('\'') ? v.Replace("\"", "", StringComparison.Ordinal) : v;
            var r = parsed[i];
            void Check(string context, string? actual, string expected)
            {
                if (!string.Equals(actual, expected, StringComparison.Ordinal))
                {
                    failures.Add($"case {batch}/{i} {context}: expected {Show(expected)}, got {Show(actual)}");
                }
            }

            Check("bash secrets.env GLANCE_PASS", words[5 * i], v);
            Check("bash admin-openrc OS_PASSWORD", words[(5 * i) + 1], v);
            Check("bash step 95 name", words[(5 * i) + 2], v);
            Check("bash step 30 --description word count", words[(5 * i) + 3], "1");
            Check("bash step 30 --description", words[(5 * i) + 4], v);
            if (r.TryGetProperty("ini_error", out var iniError))
            {
                failures.Add($"case {batch}/{i} oslo.config/make_url of {Show(v)}: {iniError.GetString()}");
            }
            else
            {
                Check("oslo.config [keystone_authtoken] password", r.GetProperty("ini_password").GetString(), v);
                Check("make_url password", r.GetProperty("url_password").GetString(), v);
                Check("make_url username", r.GetProperty("url_user").GetString(), "glance");
            }

            Check("my_print_defaults", string.Join("\n", r.GetProperty("mycnf").EnumerateArray().Select(e => e.GetString())),
                $"--user=root\n--password={adminPassword}\n--host=10.0.0.11\n--protocol=tcp");
            if (r.TryGetProperty("yaml_error", out var yamlError))
            {
                failures.Add($"case {batch}/{i} PyYAML/cloud-init schema of {Show(v)}: {yamlError.GetString()}");
                continue;
            }

            Check("user-data first line", r.GetProperty("user_data_first_line").GetString(), "#cloud-config");
            var files = r.GetProperty("write_files");
            foreach (var file in bundles[i].Rootfs.Where(f => files.TryGetProperty(f.Path, out _)))
            {
                Check($"PyYAML write_files {file.Path}", files.GetProperty(file.Path).GetString(), Encoding.UTF8.GetString(file.Content));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Theory]
    [InlineData("database.password")]
    [InlineData("glance.password")]
    [InlineData("keystone.admin.password")]
    [InlineData("database.admin.password")]
    public void Load_PasswordWithNulOrLineBreak_IsRefusedNamingTheFieldNotTheValue(string field)
    {
        foreach (var bad in new[] { "Sec\0retNul", "Sec\nretLf", "Sec\r\nretCrLf" })
        {
            var text = TestBake.With(("database.admin.method", "password"), ("database.admin.password", "x"), (field, bad));
            var result = ParameterLoader.Load(text, "controller.yaml", TestBake.RepoRoot);
            Assert.False(result.Succeeded, $"{field} with {Show(bad)} was accepted");
            var d = Assert.Single(result.Diagnostics, d => d.Message.Contains($"'{field}'", StringComparison.Ordinal));
            Assert.DoesNotContain("Sec", d.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("ret", d.ToString(), StringComparison.Ordinal);
        }
    }

    private const string Specials = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    // Fragments that mean something somewhere: shell expansions, SQL quotes, URL delimiters, INI and YAML markers,
    // systemd specifiers, oslo.config substitutions.
    private static readonly string[] Fragments =
    [
        "e\u0301", "\u200F", "\u05E9\u05DC", "\u00A0", "\u4E2D", "\U0001F600", "\uFEFF", "\u2028", "\u2029",
        "$HOME", "${x}", "$(id)", "`id`", "$$", "\\", "\\'", "'", "\"", "''", "%", "%s", "%n", "%%", "#", " #x", ";",
        "&", "|", "<", ">", "!", "*", "?", "[a]", "{a,b}", "~", "@", ":", "/", "?x=1", "#frag", "%40", "+", "=",
        "- ", ": ", "? ", "&a", "*a", "!!str", "---", "...", "yes", "no", "null", "~", "0x10", "1e3", "0640",
        "[section]", "key = value", ";comment", "\"\"", "''", "\\n", "\\t", "\\s",
    ];

    // Deterministic values for a batch: random runs of printable ASCII and the fragments above, some padded with spaces.
    private static List<string> Values(int batch)
    {
        var random = new Random(9000 + batch);
        var values = new List<string>();
        while (values.Count < BatchSize)
        {
            var n = values.Count;
            var sb = new StringBuilder();
            if (n < Specials.Length && batch == 0)
            {
                sb.Append('a').Append(Specials[n]).Append('b'); // each special character alone between letters
            }
            else if (n < Fragments.Length && batch == 1)
            {
                sb.Append(Fragments[n]);
            }
            else
            {
                var parts = random.Next(1, 6);
                for (var p = 0; p < parts; p++)
                {
                    if (random.Next(3) == 0)
                    {
                        sb.Append(Fragments[random.Next(Fragments.Length)]);
                    }
                    else
                    {
                        for (var k = random.Next(1, 6); k > 0; k--)
                        {
                            sb.Append((char)random.Next(0x20, 0x7F));
                        }
                    }
                }
            }

            if (n % 7 == 3)
            {
                sb.Insert(0, "  ").Append(' ');
            }

            var value = sb.ToString();
            if (value.Trim().Length > 0 && !values.Contains(value, StringComparer.Ordinal)
                && !Enumerable.Range(0, batch).Any(b => Values(b).Contains(value, StringComparer.Ordinal)))
            {
                values.Add(value);
            }
            else
            {
                values.Add(value + "#" + batch + "." + n);
            }
        }

        return values;
    }

    private static string Show(string? value) =>
        value is null ? "null" : JsonSerializer.Serialize(value);
}

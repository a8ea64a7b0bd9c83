namespace GlanceBake.Fuzz;

/// <summary>Scalars and YAML fragments that have broken, or could break, a parser or a context a value lands in.</summary>
internal static class HostileValues
{
    /// <summary>Plain text values, later written plain, quoted or as a block scalar.</summary>
    public static readonly string[] Texts =
    [
        "", " ", "  leading", "trailing  ", "a b", "\t", "x\ty",
        "'", "\"", "''", "\"\"", "`", "\\", "\\\\", "$", "$$", "${x}", "$(id)", "`id`", "%", "%%", "%(x)s", "{}", "[]",
        "#", " #", "a #b", ":", ": ", "a: b", "- a", "?", "? a", "!", "!!str", "&a", "*a", "|", ">", "@", "~", "=", "==",
        ";", "; DROP TABLE users; --", "' OR '1'='1", "\\'", "\\n", "\\0", "%00", "%2F", "%25", "a%zz", "user:pass@host",
        "http://", "http://[::1]", "http://[::1]:0", "http://a:b@c:65535/", "http://10.0.0.11:65536", "http://10.0.0.11:-1",
        "https://x/?a=b&c=d#f", "file:///etc/passwd", "ftp://x", "http://x y", "http://\u00e9.example", "//x", "http:x",
        "10.0.0.300", "10.0.0", "999.999.999.999", "0.0.0.0", "255.255.255.255", "::", "::1", "fe80::1%eth0",
        "::ffff:10.0.0.1", "10.0.0.11/33", "10.0.0.11/-1", "10.0.0.11/24/1", "2001:db8::/129", "1e309", "-0", "0x1F", "0o7",
        "65535", "65536", "0", "-1", "99999999999999999999999999", "1.5", ".inf", "-.inf", ".nan", "NaN", "null", "Null", "~",
        "true", "no", "on", "y", "2024.1", "2023.2", "pike", "zed", "PIKE", "debian-12", "ubuntu-16.04", "rocky-9",
        "controller.", ".controller", "-controller", "a..b", "a_b", "localhost", "xn--nxasmq6b", new string('a', 64),
        new string('a', 254), new string('x', 4096), "/", "//", "/etc/passwd", "/dev/zero", "/dev/null", "/dev/stdin",
        "/proc/self/status", "/proc/self/mem", "/tmp", "..", "../..", "../../../etc/shadow", "a/../../b", "./x", "~/x", "C:\\x",
        "secrets.yaml", "image.qcow2", "missing.qcow2", "a-folder", "dangling.qcow2", "params.yaml", ".",
        "caf\u00e9", "e\u0301\u0301\u0301", "\u202Eevil", "\u200B", "\u00A0", "\uFEFF", "\u2028", "\u0085", "\U0001F600", "\u4E2D\u6587",
        "\u0000", "a\u0000b", "\u0007", "\u001B[31m", "\r", "a\rb", "\n", "a\nb", "a\r\nb", "\u007F",
        "ADMIN_PASS", "GLANCE_DBPASS", "RABBIT_PASS", "p@ss w0rd!#$%^&*()[]{};:'\",.<>/?\\|`~-_=+",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGlanceBake user@host", "ssh-rsa", "first-boot", "present-in-image",
        "socket", "password", "file", "http", "swift", "rbd", "qcow2", "raw", "vhd", "iso", "bare", "ovf", "public", "private",
        "keystone", "keystone+cachemanagement", "RegionOne", "Default", "admin", "service", "image", "ens3", "eth0:1",
    ];

    /// <summary>YAML fragments put where a scalar value was (flow forms, tags, anchors, references).</summary>
    public static readonly string[] Fragments =
    [
        "[]", "{}", "[a, b]", "[[a]]", "{a: b}", "{env: FUZZ_SECRET}", "{env: FUZZ_EMPTY}", "{env: FUZZ_NEWLINE}",
        "{env: FUZZ_NUL}", "{env: FUZZ_HOSTILE}", "{env: UNSET_NAME}", "{env: ''}", "{env: [a]}", "{env: {a: b}}",
        "{file: secrets.yaml}", "{file: secret.txt}", "{file: ../x}", "{file: /etc/passwd}", "{file: a-folder}",
        "{file: dangling.qcow2}", "{file: ''}", "{file: params.yaml}", "{env: A, file: b}", "{envv: A}", "{env: A, x: 1}",
        "!!binary aGVsbG8=", "!!int 5", "!!float 1", "!!bool true", "!!null", "!!str 5", "!!map {}", "!!seq []",
        "!custom x", "!<tag:yaml.org,2002:str> x", "&anchor x", "*anchor", "*undefined", "&a [*a]", "<<", "? x", "- x",
        "|\n  a\n  b", ">-\n  a\n  b", "|+\n\n", "\"\\x00\"", "\"\\u0000\"", "\"\\n\"", "\"\\t\"", "\"\\U0010FFFF\"", "\"\\ud800\"",
        "'it''s'", "\"unterminated", "'unterminated", "[unterminated", "{unterminated", "a: b: c", "- - -", "%YAML 1.1",
        "---", "...", "#comment", "\t", "\"\\e\"", "\"\\N\\_\\L\\P\"",
    ];

    /// <summary>Environment seen by <c>{env: NAME}</c>: names starting <c>FUZZ_</c> hold hostile values.</summary>
    public static string? Env(string name) => name switch
    {
        "FUZZ_SECRET" => "s3cr3t-Fuzz-Value-0123456789",
        "FUZZ_EMPTY" => "",
        "FUZZ_NEWLINE" => "line1\nline2",
        "FUZZ_NUL" => "a\0b",
        "FUZZ_HOSTILE" => "p@ss w0rd!#$%^&*()[]{};:'\",.<>/?\\|`~-_=+\u202E\u0301",
        "FUZZ_LONG" => new string('x', 100_000),
        _ => null,
    };
}

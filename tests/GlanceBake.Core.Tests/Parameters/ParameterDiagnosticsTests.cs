using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Tests.Cases;
using Xunit;

namespace GlanceBake.Core.Tests.Parameters;

/// <summary>
/// Each code the loader emits is triggered by a bad input and reported MSBuild-style at the 1-based line and column
/// of the offending key or value. Inputs are examples/controller.yaml with one line changed, so positions are known.
/// </summary>
public sealed class ParameterDiagnosticsTests
{
    private static LoadResult LoadText(string text) => ParameterLoader.Load(text, "controller.yaml", TestBake.RepoRoot);

    /// <summary>The example with <paramref name="from"/> replaced once (it must occur exactly once).</summary>
    private static string Edit(string from, string to)
    {
        var text = TestBake.ExampleText;
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' is not unique");
        return text[..at] + to + text[(at + from.Length)..];
    }

    /// <summary>1-based line and column of the first occurrence of <paramref name="needle"/> on the line holding <paramref name="lineMarker"/>.</summary>
    private static (int Line, int Column) Pos(string text, string lineMarker, string needle)
    {
        var lines = text.Split('\n');
        var i = Array.FindIndex(lines, l => l.Contains(lineMarker, StringComparison.Ordinal));
        Assert.True(i >= 0, $"no line holds '{lineMarker}'");
        var col = lines[i].IndexOf(needle, StringComparison.Ordinal);
        Assert.True(col >= 0);
        return (i + 1, col + 1);
    }

    private static Diagnostic Single(LoadResult r, string code)
    {
        Assert.False(r.Succeeded && code != DiagnosticCodes.PinnedInstanceId);
        var matching = r.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n{string.Join("\n", r.Diagnostics)}");
        return matching[0];
    }

    private static void AssertAt(Diagnostic d, (int Line, int Column) at, string kind = "error")
    {
        Assert.Equal("controller.yaml", d.File);
        Assert.Equal(at, (d.Line, d.Column));
        Assert.StartsWith($"controller.yaml({at.Line},{at.Column}): {kind} {d.Code}: ", d.ToString());
        Assert.False(string.IsNullOrWhiteSpace(d.Message));
    }

    /// <summary>code, line to replace, replacement, line marker and text at which the diagnostic points.</summary>
    public static IEnumerable<object[]> Cases() =>
    [
        [DiagnosticCodes.UnknownKey, "  hostname: controller", "  host_name: controller", "host_name:", "host_name"],
        [DiagnosticCodes.WrongType, "  password: GLANCE_DBPASS", "  password: [GLANCE_DBPASS]", "password: [GLANCE_DBPASS]", "["],
        [DiagnosticCodes.WrongType, "  ssh_authorized_keys: []", "  ssh_authorized_keys: ssh-ed25519 AAAA", "ssh_authorized_keys:", "ssh-ed25519"],
        [DiagnosticCodes.WrongType, "schema: 1", "schema: one", "schema: one", "one"],
        [DiagnosticCodes.SchemaVersion, "schema: 1", "schema: 2", "schema: 2", "2"],
        [DiagnosticCodes.NotOneOf, "method: socket ", "method: sockets ", "method: sockets", "sockets"],
        [DiagnosticCodes.NotOneOf, "distro: ubuntu-24.04 ", "distro: ubuntu-14.04 ", "distro: ubuntu-14.04", "ubuntu-14.04"],
        [DiagnosticCodes.NotOneOf, "  visibility: public", "  visibility: everyone", "visibility: everyone", "everyone"],
        [DiagnosticCodes.BadIpAddress, "  management_ip: 10.0.0.11", "  management_ip: 10.0.0", "management_ip: 10.0.0", "10.0.0"],
        [DiagnosticCodes.BadUrl, "  auth_url: http://10.0.0.11:5000 ", "  auth_url: ftp://10.0.0.11:5000 ", "auth_url: ftp", "ftp://"],
        [DiagnosticCodes.BadUrl, "    public: http://10.0.0.11:9292", "    public: http://10.0.0.11:9292/?x=1", "public: http", "http"],
        [DiagnosticCodes.BadHostname, "  hostname: controller", "  hostname: ctl_01", "hostname: ctl_01", "ctl_01"],
        [DiagnosticCodes.BadHostname, "  host: 10.0.0.11", "  host: db..example", "host: db..example", "db..example"],
        [DiagnosticCodes.UnknownRelease, "release: \"2024.1\"", "release: \"2024.9\"", "release: \"2024.9\"", "\"2024.9\""],
        [DiagnosticCodes.UnsupportedCombination, "release: \"2024.1\"", "release: pike", "release: pike", "pike"],
        [DiagnosticCodes.FileNotFound, "  # image_file: images/cirros-0.3.5-x86_64-disk.img", "  image_file: images/missing.img", "image_file:", "images/"],
        [DiagnosticCodes.BadName, "  name: glance\n  user: glance", "  name: \"gl ance\"\n  user: glance", "name: \"gl ance\"", "\"gl ance\""],
        [DiagnosticCodes.BadName, "  extra: []", "  extra: [Not_A_Package]", "extra: [", "Not_A_Package"],
        [DiagnosticCodes.BadHostPort, "  memcached_servers: [10.0.0.11:11211]", "  memcached_servers: [10.0.0.11]", "memcached_servers:", "10.0.0.11"],
        [DiagnosticCodes.BadStore, "  default_store: file", "  default_store: swift", "default_store: swift", "swift"],
        [DiagnosticCodes.BadStore, "  stores: [file, http]", "  stores: [file, nfs]", "stores: [file, nfs]", "nfs"],
        [DiagnosticCodes.BadPath, "  filesystem_store_datadir: /var/lib/glance/images/", "  filesystem_store_datadir: var/lib/glance/images/", "filesystem_store_datadir:", "var/"],
        [DiagnosticCodes.BadCharacters, "  # instance_id: iid-controller-01   # default: derived from the rendered seed", "  instance_id: \"iid controller\"", "instance_id:", "\"iid"],
        [DiagnosticCodes.BadCharacters, "  ssh_authorized_keys: []", "  ssh_authorized_keys: [\"not a key\"]", "ssh_authorized_keys:", "\"not"],
        [DiagnosticCodes.NeedImageFile, "  disk_format: qcow2", "  disk_format: vmdk", "disk_format: vmdk", "vmdk"],
        [DiagnosticCodes.EmptyValue, "  password: GLANCE_PASS", "  password: \"\"", "password: \"\"", "\"\""],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_BadValue_ReportsItsCodeAtItsPosition(string code, string from, string to, string lineMarker, string needle)
    {
        var text = Edit(from, to);
        var d = Single(LoadText(text), code);
        Assert.Equal(Severity.Error, d.Severity);
        AssertAt(d, Pos(text, lineMarker, needle));
    }

    [Fact]
    public void Load_RequiredKeyMissing_ReportsGB1004AtTheMapping()
    {
        var text = Edit("  management_ip: 10.0.0.11\n", "");
        var d = Single(LoadText(text), DiagnosticCodes.MissingKey);
        Assert.Contains("controller.management_ip", d.Message);
        AssertAt(d, Pos(text, "  hostname: controller", "hostname"));
    }

    [Fact]
    public void Load_RequiredSecretMissing_ReportsGB1004()
    {
        var text = Edit("  password: GLANCE_PASS\n", "");
        var d = Single(LoadText(text), DiagnosticCodes.MissingKey);
        Assert.Contains("glance.password", d.Message);
        var glanceLine = Array.IndexOf(text.Split('\n'), "glance:") + 1;
        AssertAt(d, (glanceLine + 1, 3)); // the glance mapping starts at its first key
    }

    [Fact]
    public void Load_UnclosedFlowSequence_ReportsGB1001WithAPosition()
    {
        var text = Edit("  region: RegionOne", "  region: [RegionOne");
        var d = Single(LoadText(text), DiagnosticCodes.YamlSyntax);
        Assert.True(d.Line > 0 && d.Column > 0, d.ToString());
        Assert.Matches(@"^controller\.yaml\(\d+,\d+\): error GB1001: not valid YAML: ", d.ToString());
    }

    [Fact]
    public void Load_UnterminatedQuotedString_ReportsGB1001WithAPosition()
    {
        var text = Edit("  region: RegionOne", "  region: \"RegionOne");
        var d = Single(LoadText(text), DiagnosticCodes.YamlSyntax);
        Assert.True(d.Line > 0 && d.Column > 0, d.ToString());
        Assert.Matches(@"^controller\.yaml\(\d+,\d+\): error GB1001: not valid YAML: ", d.ToString());
    }

    [Fact]
    public void Load_MappingValueInPlainScalar_ReportsGB1001AtTheColon()
    {
        var text = Edit("  region: RegionOne", "  region: Region: One");
        var d = Single(LoadText(text), DiagnosticCodes.YamlSyntax);
        AssertAt(d, Pos(text, "region: Region: One", ": One"));
    }

    [Fact]
    public void Load_DuplicateKey_ReportsGB1005AtTheSecondKey()
    {
        var text = Edit("  hostname: controller\n", "  hostname: controller\n  hostname: other\n");
        var d = Single(LoadText(text), DiagnosticCodes.DuplicateKey);
        AssertAt(d, Pos(text, "hostname: other", "hostname"));
    }

    [Fact]
    public void Load_PinnedInstanceId_WarnsGB2013()
    {
        var text = Edit("  # instance_id: iid-controller-01   # default: derived from the rendered seed", "  instance_id: iid-x");
        var r = LoadText(text);
        Assert.True(r.Succeeded);
        AssertAt(Single(r, DiagnosticCodes.PinnedInstanceId), Pos(text, "instance_id: iid-x", "iid-x"), "warning");
    }

    [Fact]
    public void Load_ReleaseNotOnDistro_PikeOnDebian12_ReportsGB2006()
    {
        var text = Edit("release: \"2024.1\"", "release: pike").Replace("distro: ubuntu-24.04 ", "distro: debian-12 ", StringComparison.Ordinal);
        var d = Single(LoadText(text), DiagnosticCodes.UnsupportedCombination);
        Assert.Contains("debian-12", d.Message);
        Assert.Contains("pike", d.Message);
        Assert.Contains("zed", d.Message);
        AssertAt(d, Pos(text, "release: pike", "pike"));
    }

    [Fact]
    public void Load_SeveralErrors_AllReportedAtOnceInFileOrder()
    {
        var text = Edit("  hostname: controller", "  hostname: ctl_01")
            .Replace("  management_ip: 10.0.0.11", "  management_ip: 10.0.0", StringComparison.Ordinal)
            .Replace("  default_store: file", "  default_store: swift", StringComparison.Ordinal)
            .Replace("  disk_format: qcow2", "  disk_format: vmdk", StringComparison.Ordinal)
            .Replace("  stores: [file, http]", "  stores: [file, http]\n  colour: blue", StringComparison.Ordinal);
        var r = LoadText(text);
        Assert.False(r.Succeeded);
        Assert.Null(r.Parameters);
        var codes = r.Diagnostics.Where(d => d.Code != GlanceBake.Core.Diagnostics.DiagnosticCodes.PlaceholderSecret).Select(d => d.Code).ToList();
        Assert.Equal(
            [DiagnosticCodes.BadHostname, DiagnosticCodes.BadIpAddress, DiagnosticCodes.UnknownKey, DiagnosticCodes.BadStore, DiagnosticCodes.NeedImageFile],
            codes);
        Assert.Equal(r.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column), r.Diagnostics);
    }

    [Theory]
    [InlineData("  hostname: controller", "  Hostname: controller", "hostname")]
    [InlineData("  hostname: controller", "  host-name: controller", "hostname")]
    [InlineData("  default_store: file", "  defaultStore: file", "default_store")]
    public void Load_UnknownKeyDifferingInCaseOrSeparators_SuggestsTheNearKey(string from, string to, string near)
    {
        var d = Single(LoadText(Edit(from, to)), DiagnosticCodes.UnknownKey);
        Assert.EndsWith($"did you mean '{near}'?", d.Message);
    }

    [Theory]
    [InlineData("  hostname: controller", "  hostnme: controller", "hostname")]
    [InlineData("  password: GLANCE_DBPASS", "  pasword: GLANCE_DBPASS", "password")]
    [InlineData("  default_store: file", "  default_stor: file", "default_store")]
    public void Load_UnknownKeyWithTypo_SuggestsTheNearKey(string from, string to, string near)
    {
        var d = Single(LoadText(Edit(from, to)), DiagnosticCodes.UnknownKey);
        Assert.EndsWith($"did you mean '{near}'?", d.Message);
    }

    [Fact]
    public void Load_UnknownTopLevelSection_ListsTheKnownKeys()
    {
        var d = Single(LoadText(TestBake.ExampleText + "glanc:\n  user: x\n"), DiagnosticCodes.UnknownKey);
        Assert.Contains("'glanc'", d.Message);
        Assert.Contains("glance", d.Message);
    }
}

using System.Text.Json;
using GlanceBake.Core.Tests.Cases;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>
/// openstack_api.py (steps 30-keystone and 95-verify-image) against fake_openstack.py, an in-memory Keystone v3 and
/// Glance v2 on 127.0.0.1: what it creates, that a replay creates nothing and keeps the IDs, that an existing glance
/// user gets the seed's password, and (issue 7) that an image of the verification name is kept only when its size and
/// checksums are the seed file's. The real services are exercised by tests/e2e.
/// </summary>
public sealed class OpenStackApiTests
{
    private const string AdminPassword = "adm in@/:#$'\"\\%2";
    private const string GlancePassword = "gl ance@/:#$'\"\\%3";

    private const string KeystoneState = """
        {"users": [{"id": "u-admin", "name": "admin", "domain_id": "default", "password": "adm in@/:#$'\"\\%2"}],
         "domains": [{"id": "default", "name": "Default"}],
         "projects": [{"id": "p-admin", "name": "admin", "domain_id": "default"},
                      {"id": "p-service", "name": "service", "domain_id": "default"}],
         "roles": [{"id": "r-admin", "name": "admin"}]}
        """;

    private const string Keystone = """
        "$PY" "$API" keystone --user=glance --domain=default --email=glance@example.com --project=service --role=admin \
          --service-name=glance --service-type=image --service-description='OpenStack Image' --region=RegionOne \
          --endpoint public="$URL" --endpoint internal="$URL" --endpoint admin="$URL"
        """;

    private const string Image = """
        "$PY" "$API" image --name=cirros --file="$DIR/image" --disk-format=qcow2 --container-format=bare --visibility=public --wait=5
        """;

    private static string Api => TestBake.Rootfs(TestBake.Bake(TestBake.ExampleText), "/usr/local/lib/glancebake/openstack_api.py");

    /// <summary>Runs <paramref name="commands"/> (bash; $PY, $API, $URL, $DIR set; admin-openrc's variables and
    /// GLANCE_PASS exported) against a fake started from <paramref name="state"/>; returns the result and the
    /// fake's state afterwards.</summary>
    private static (ToolResult Result, JsonElement State) Run(string state, string commands, byte[]? image = null)
    {
        var python = ExternalTool.Require(Python.Path, "python3");
        var dir = TestBake.NewTempDir();
        TestBake.WriteText(dir, "state.json", state);
        var api = TestBake.WriteText(dir, "openstack_api.py", Api);
        File.WriteAllBytes(Path.Combine(dir, "image"), image ?? [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))]);
        var fake = Path.Combine(RepoPaths.Root, "tests", "GlanceBake.Core.Tests", "Readers", "fake_openstack.py");
        var script = """
            set -u
            PY=$1 API=$2 DIR=$3
            "$PY" "$4" "$DIR/state.json" "$DIR/port" & fake=$!
            trap 'kill $fake' EXIT
            for _ in $(seq 100); do [ -s "$DIR/port" ] && break; sleep 0.1; done
            URL=http://127.0.0.1:$(cat "$DIR/port")
            export OS_AUTH_URL=$URL/v3 OS_USERNAME=admin OS_PROJECT_NAME=admin OS_USER_DOMAIN_NAME=Default \
              OS_PROJECT_DOMAIN_NAME=Default OS_REGION_NAME=RegionOne OS_PASSWORD=$5 GLANCE_PASS=$6 GB_STEP=test-step
            """ + "\n" + commands;
        var result = TestBake.CleanBash(script, python, api, dir, fake, AdminPassword, GlancePassword);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "state.json")));
        return (result, doc.RootElement.Clone());
    }

    private static string[] Requests(JsonElement state) => [.. state.GetProperty("requests").EnumerateArray().Select(r => r.GetString()!)];

    private static string[] Ids(JsonElement state, string collection) =>
        [.. state.GetProperty(collection).EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    [SkippableFact]
    public void Keystone_FirstRunThenReplay_CreatesOnceAndReplayOnlyReads()
    {
        var (first, afterFirst) = Run(KeystoneState, Keystone + "\necho ---\n" + Keystone);
        Assert.True(first.ExitCode == 0, first.StandardError);
        var glance = Assert.Single(afterFirst.GetProperty("users").EnumerateArray(), u => u.GetProperty("name").GetString() == "glance");
        Assert.Equal(GlancePassword, glance.GetProperty("password").GetString());
        Assert.Equal("default", glance.GetProperty("domain_id").GetString());
        Assert.Single(Ids(afterFirst, "services"));
        var endpoints = afterFirst.GetProperty("endpoints").EnumerateArray()
            .Select(e => e.GetProperty("interface").GetString() + "@" + e.GetProperty("region_id").GetString()).Order();
        Assert.Equal(["admin@RegionOne", "internal@RegionOne", "public@RegionOne"], endpoints);
        Assert.Contains(["p-service", glance.GetProperty("id").GetString(), "r-admin"],
            afterFirst.GetProperty("assignments").EnumerateArray().Select(a => a.EnumerateArray().Select(x => x.GetString()).ToArray()));

        // The replay (after "---") reads, signs in and re-grants the role (PUT is idempotent); it creates nothing.
        var output = first.StandardOutput.Split("---\n");
        Assert.Contains("created user glance", output[0]);
        Assert.DoesNotContain("created", output[1]);
        Assert.Contains("user glance signs in with this seed's password", output[1]);
        // Each run signs in twice: as admin, then as glance (the password probe); the replay is from the third.
        var requests = Requests(afterFirst);
        var signIns = requests.Select((q, i) => (q, i)).Where(x => x.q == "POST /v3/auth/tokens").Select(x => x.i).ToList();
        Assert.Equal(4, signIns.Count);
        var replay = requests[signIns[2]..];
        Assert.Contains("GET /v3/users", replay);
        Assert.DoesNotContain(replay, q => (q.StartsWith("POST ", StringComparison.Ordinal) && q != "POST /v3/auth/tokens")
            || q.StartsWith("PATCH ", StringComparison.Ordinal) || q.StartsWith("DELETE ", StringComparison.Ordinal));
        Assert.DoesNotContain(GlancePassword, first.StandardOutput + first.StandardError);
    }

    [SkippableFact]
    public void Keystone_GlanceUserWithAnotherPassword_GetsTheSeedsPasswordAndKeepsItsId()
    {
        var state = KeystoneState.Replace("\"roles\"", """
            "users_": 0, "roles"
            """, StringComparison.Ordinal).Replace("\"users\": [", """
            "users": [{"id": "u-glance", "name": "glance", "domain_id": "default", "password": "an older one"},
            """, StringComparison.Ordinal);
        var (r, after) = Run(state, Keystone);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Contains("user glance exists (u-glance)", r.StandardOutput);
        Assert.Contains("set the password of user glance to this seed's", r.StandardOutput);
        var glance = Assert.Single(after.GetProperty("users").EnumerateArray(), u => u.GetProperty("name").GetString() == "glance");
        Assert.Equal("u-glance", glance.GetProperty("id").GetString());
        Assert.Equal(GlancePassword, glance.GetProperty("password").GetString());
    }

    [SkippableFact]
    public void Keystone_WrongAdminPassword_FailsNamingAdminOpenrcAnd401WithoutTheSecret()
    {
        var (r, after) = Run(KeystoneState, "OS_PASSWORD='not it' " + Keystone);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("test-step: ERROR: Keystone refused the admin credentials in /root/admin-openrc (user admin at http://127.0.0.1:", r.StandardError);
        Assert.Contains("HTTP 401", r.StandardError);
        Assert.DoesNotContain("not it", r.StandardError + r.StandardOutput);
        Assert.Equal(["POST /v3/auth/tokens"], Requests(after));
    }

    private const string GlanceCatalog = """
        "services": [{"id": "s-image", "name": "glance", "type": "image"}],
        "endpoints": [{"id": "e1", "service_id": "s-image", "interface": "public", "region_id": "RegionOne", "url": "URL"}],
        """;

    /// <summary>The keystone state plus an image service whose public endpoint is the fake itself, and images.</summary>
    private static string ImageState(string images) =>
        KeystoneState.Replace("\"roles\"", GlanceCatalog + "\"images\": " + images + ", \"roles\"", StringComparison.Ordinal);

    [SkippableFact]
    public void Image_NoneYetThenReplay_UploadsOnceAndKeepsTheSameImage()
    {
        var (r, after) = Run(ImageState("[]"), Image + "\necho ---\n" + Image);
        Assert.True(r.ExitCode == 0, r.StandardError);
        var image = Assert.Single(after.GetProperty("images").EnumerateArray());
        Assert.Equal("active", image.GetProperty("status").GetString());
        Assert.Equal(5000, image.GetProperty("size").GetInt32());
        var output = r.StandardOutput.Split("---\n");
        Assert.Contains("uploaded cirros", output[0]);
        Assert.Contains($"image cirros is active with the seed's size and checksum ({image.GetProperty("id").GetString()}); not uploading it again", output[1]);
        Assert.Single(Requests(after), q => q.StartsWith("PUT /v2/images/", StringComparison.Ordinal));
        Assert.DoesNotContain(Requests(after), q => q.StartsWith("DELETE", StringComparison.Ordinal));
    }

    /// <summary>Issue 7: a leftover or foreign image of the verification name used to pass because it was active.</summary>
    [SkippableTheory]
    [InlineData("0 bytes", 0, "d41d8cd98f00b204e9800998ecf8427e", "size 0, the seed's file has 5000 bytes")]
    [InlineData("same size, other bytes (sha512 and md5)", 5000, "0123456789abcdef0123456789abcdef", "sha512 differs from the seed's file")]
    public void Image_ActiveImageOfThatNameButNotTheSeedsFile_IsDeletedAndUploadedAgain(string what, int size, string md5, string why)
    {
        var planted = $$"""
            [{"id": "planted", "name": "cirros", "status": "active", "size": {{size}}, "checksum": "{{md5}}",
              "os_hash_algo": "sha512", "os_hash_value": "{{new string('0', 128)}}", "disk_format": "qcow2",
              "container_format": "bare", "visibility": "public", "created_at": "2026-01-01T00:00:00Z"}]
            """;
        var (r, after) = Run(ImageState(planted), Image);
        Assert.True(r.ExitCode == 0, what + ": " + r.StandardError);
        Assert.Contains($"deleted image cirros (planted): {why}", r.StandardOutput);
        var image = Assert.Single(after.GetProperty("images").EnumerateArray());
        Assert.NotEqual("planted", image.GetProperty("id").GetString());
        Assert.Equal(5000, image.GetProperty("size").GetInt32());
        Assert.Equal("active", image.GetProperty("status").GetString());
    }

    [SkippableFact]
    public void Image_OlderGlanceWithMd5OnlyAndTheSeedsBytes_IsKept()
    {
        // Glance before 17 (rocky) reports checksum (md5) only.
        byte[] bytes = [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))];
        var md5 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(bytes));
        var kept = $$"""
            [{"id": "kept", "name": "cirros", "status": "active", "size": 5000, "checksum": "{{md5}}",
              "disk_format": "qcow2", "container_format": "bare", "visibility": "public", "created_at": "2026-01-01T00:00:00Z"}]
            """;
        var (r, after) = Run(ImageState(kept), Image, bytes);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Contains("(kept); not uploading it again", r.StandardOutput);
        Assert.Equal(["kept"], Ids(after, "images"));
    }

    [SkippableFact]
    public void Api_Source_ParsesAsPython35()
    {
        // Ubuntu 16.04 (pike) has Python 3.5: no f-strings or other later syntax.
        var python = ExternalTool.Require(Python.Path, "python3");
        var dir = TestBake.NewTempDir();
        var api = TestBake.WriteText(dir, "openstack_api.py", Api);
        ExternalTool.Run(python, ["-c", "import ast,sys; ast.parse(open(sys.argv[1]).read(), feature_version=(3, 5))", api])
            .ShouldSucceed("ast.parse(feature_version=(3, 5))");
    }
}

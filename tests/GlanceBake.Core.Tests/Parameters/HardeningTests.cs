using GlanceBake.Core.Parameters;
using GlanceBake.Core.Tests.Cases;
using Xunit;

namespace GlanceBake.Core.Tests.Parameters;

/// <summary>
/// Inputs a hostile or careless user tried that baked fine but would have broken the controller on first boot.
/// Each is now refused at load time, with the right code at the value's position.
/// </summary>
public sealed class HardeningTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/etc")]
    [InlineData("/usr/lib/glance")]
    [InlineData("/var/lib")]
    [InlineData("/var/lib/mysql")]
    [InlineData("/var/lib/glance")]
    [InlineData("/srv")]
    [InlineData("/home/glance")]
    [InlineData("/var/lib/glance/../../etc")]
    public void Load_DatadirOfTheSystemOrAnotherService_IsGB2011(string datadir) =>
        AssertError(TestBake.With(("glance.filesystem_store_datadir", datadir)), "GB2011", "glance.filesystem_store_datadir");

    [Theory]
    [InlineData("/var/lib/glance/images/")]
    [InlineData("/var/lib/glance/images")]
    [InlineData("/srv/glance")]
    [InlineData("/data/glance/images")]
    public void Load_DatadirOfItsOwn_IsAccepted(string datadir)
    {
        var p = TestBake.Load(TestBake.With(("glance.filesystem_store_datadir", datadir)));
        Assert.EndsWith("/", p.Glance.FilesystemStoreDatadir, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateStore_IsGB2010() =>
        AssertError(TestBake.With(("glance.stores", new[] { "file", "file" })), "GB2010", "listed twice");

    [Fact]
    public void Load_EmptyStoreList_IsGB2010() =>
        AssertError(TestBake.With(("glance.stores", Array.Empty<string>())), "GB2010", "is empty");

    [Theory]
    [InlineData("rbd")]
    [InlineData("swift")]
    [InlineData("cinder")]
    public void Load_StoreGlanceBakeDoesNotConfigure_IsGB2010(string store) =>
        AssertError(TestBake.With(("glance.stores", new[] { store, "file" })), "GB2010", "not one GlanceBake configures");

    [Fact]
    public void Load_DefaultStoreHttp_IsGB2010() =>
        AssertError(TestBake.With(("glance.default_store", "http")), "GB2010", "cannot take uploads");

    [Theory]
    [InlineData("http://10.0.0.11:5000/v3")]
    [InlineData("http://10.0.0.11:5000/v3/")]
    [InlineData("http://10.0.0.11:5000/v2.0")]
    public void Load_AuthUrlWithApiVersion_IsGB2003(string url) =>
        AssertError(TestBake.With(("keystone.auth_url", url)), "GB2003", "without the API version");

    [Theory]
    [InlineData("x'$(id)@example.com")]
    [InlineData("not-an-address")]
    [InlineData("a b@example.com")]
    public void Load_BadEmail_IsRefused(string email) =>
        AssertError(TestBake.With(("glance.email", email)), "GB2008", "glance.email");

    [Fact]
    public void Load_ImageFileThatIsADevice_IsRefusedWithoutReadingIt() =>
        AssertError(TestBake.With(("verification.image_file", "/dev/zero")), "GB2007", "non-empty regular file");

    [Fact]
    public void Load_Qcow2FormatButNotAQcow2File_IsGB2014()
    {
        var dir = TestBake.NewTempDir();
        var file = TestBake.WriteText(dir, "image.qcow2", "this is not a disk image");
        AssertError(TestBake.With(("verification.image_file", file)), "GB2014", "not a qcow2 image");
    }

    [Fact]
    public void Load_TwoYamlDocuments_IsGB1001AtTheSecond()
    {
        var text = TestBake.ExampleText + "---\nschema: 1\n";
        var d = Assert.Single(ParameterLoader.Load(text, "controller.yaml", TestBake.RepoRoot).Diagnostics, d => d.Code != GlanceBake.Core.Diagnostics.DiagnosticCodes.PlaceholderSecret);
        Assert.Equal("GB1001", d.Code);
        Assert.Equal(text.Split('\n').Length - 1, d.Line);
    }

    [Theory]
    [InlineData("!custom controller")]
    [InlineData("!!binary Y29udHJvbGxlcg==")]
    public void Load_TaggedValue_IsGB1003(string value)
    {
        var text = TestBake.ExampleText.Replace("hostname: controller", "hostname: " + value, StringComparison.Ordinal);
        AssertError(text, "GB1003", "tag");
    }

    [Fact]
    public void Load_MissingGlanceSection_IsReportedOnceNotPerKey()
    {
        var result = ParameterLoader.Load(TestBake.With(("glance", null)), "controller.yaml", TestBake.RepoRoot);
        var d = Assert.Single(result.Diagnostics, d => d.Code != GlanceBake.Core.Diagnostics.DiagnosticCodes.PlaceholderSecret);
        Assert.Equal("GB1004", d.Code);
        Assert.Contains("'glance' is required", d.Message, StringComparison.Ordinal);
    }

    private static void AssertError(string text, string code, string messagePart)
    {
        var result = ParameterLoader.Load(text, "controller.yaml", TestBake.RepoRoot);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Line > 0
            && d.Message.Contains(messagePart, StringComparison.Ordinal));
    }
}

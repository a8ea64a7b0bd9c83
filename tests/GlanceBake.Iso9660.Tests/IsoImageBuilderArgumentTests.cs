using GlanceBake.Iso9660;

namespace GlanceBake.Iso9660.Tests;

public sealed class IsoImageBuilderArgumentTests
{
    private static IsoImageBuilder NewBuilder() => new("CIDATA", SeedImage.Timestamp);

    [Theory]
    [InlineData("")]
    [InlineData("cidata")]
    [InlineData("CI-DATA")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void Constructor_InvalidVolumeIdentifier_ThrowsArgumentException(string identifier) =>
        Assert.Throws<ArgumentException>(() => new IsoImageBuilder(identifier, SeedImage.Timestamp));

    [Fact]
    public void Constructor_TimestampBefore1900_ThrowsArgumentException() =>
        Assert.ThrowsAny<ArgumentException>(() => new IsoImageBuilder("CIDATA", new DateTimeOffset(1899, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void AddFile_DuplicatePath_ThrowsArgumentException()
    {
        var builder = NewBuilder();
        builder.AddFile("user-data", [1]);
        var e = Assert.Throws<ArgumentException>(() => builder.AddFile("user-data", [2]));
        Assert.Contains("already added", e.Message);
    }

    [Fact]
    public void AddDirectory_TwiceExplicitly_ThrowsArgumentException()
    {
        var builder = NewBuilder();
        builder.AddDirectory("a/b");
        Assert.Throws<ArgumentException>(() => builder.AddDirectory("a/b"));
    }

    [Fact]
    public void AddDirectory_AfterImplicitCreation_IsAccepted()
    {
        var builder = NewBuilder();
        builder.AddFile("a/b/file", [1]);
        builder.AddDirectory("a/b", 0x1ED);
    }

    [Fact]
    public void AddFile_UnderAFile_ThrowsArgumentException()
    {
        var builder = NewBuilder();
        builder.AddFile("a", [1]);
        Assert.Throws<ArgumentException>(() => builder.AddFile("a/b", [2]));
        Assert.Throws<ArgumentException>(() => builder.AddDirectory("a"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/user-data")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("./a")]
    [InlineData("a/../b")]
    [InlineData("a:b")]
    [InlineData("a;1")]
    [InlineData("tab\there")]
    public void AddFile_BadName_ThrowsArgumentException(string path) =>
        Assert.Throws<ArgumentException>(() => NewBuilder().AddFile(path, [1]));

    [Fact]
    public void AddFile_NameOf65Characters_ThrowsArgumentException()
    {
        var builder = NewBuilder();
        builder.AddFile(new string('n', 64), [1]);
        var e = Assert.Throws<ArgumentException>(() => builder.AddFile(new string('n', 65), [1]));
        Assert.Contains("64", e.Message);
    }

    [Fact]
    public void AddFile_MoreThanEightLevels_ThrowsArgumentException()
    {
        var builder = NewBuilder();
        builder.AddFile("1/2/3/4/5/6/7/file", [1]);
        Assert.Throws<ArgumentException>(() => builder.AddFile("1/2/3/4/5/6/7/8/file", [1]));
        Assert.Throws<ArgumentException>(() => builder.AddDirectory("1/2/3/4/5/6/7/8"));
    }

    [Fact]
    public void AddFile_ModeOutOfRange_ThrowsArgumentException() =>
        Assert.ThrowsAny<ArgumentException>(() => NewBuilder().AddFile("a", [1], 0x1000));

    [Fact]
    public void AddFile_SourceFileMissing_ThrowsFileNotFoundException() =>
        Assert.Throws<FileNotFoundException>(() => NewBuilder().AddFile("a", "/nonexistent/glancebake-file"));
}

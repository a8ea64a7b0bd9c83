using GlanceBake.Core.Parameters;
using Xunit;

namespace GlanceBake.Core.Tests.Parameters;

/// <summary>
/// <see cref="YamlInputChecks.ReadCapped"/> sizes its buffer from the file (issue 10: a buffer of the whole 1 MiB cap
/// for every 4 KiB parameter file was a fifth of all a bake allocated). The cap must hold the same at every size and
/// for files without a size: exactly the cap is read whole, one byte more is refused, and so is an endless device.
/// </summary>
public sealed class ReadCappedTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("glancebake-readcapped-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(YamlInputChecks.MaxFileBytes)]
    public void ReadCapped_FileUpToTheCap_IsReadWhole(int length)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        var path = Path.Combine(_dir, "f");
        File.WriteAllBytes(path, bytes);

        Assert.Equal(bytes, YamlInputChecks.ReadCapped(path));
    }

    [Theory]
    [InlineData(YamlInputChecks.MaxFileBytes + 1)]
    [InlineData(3 * YamlInputChecks.MaxFileBytes)]
    public void ReadCapped_FileOverTheCap_IsNull(int length)
    {
        var path = Path.Combine(_dir, "f");
        File.WriteAllBytes(path, new byte[length]);

        Assert.Null(YamlInputChecks.ReadCapped(path));
    }

    [Fact]
    public void ReadCapped_DeviceWithoutASize_IsReadUpToTheCap()
    {
        Assert.Null(YamlInputChecks.ReadCapped("/dev/zero"));
        Assert.Empty(Assert.IsType<byte[]>(YamlInputChecks.ReadCapped("/dev/null")));
    }

    [Fact]
    public void ReadCapped_ProcFileWithSizeZero_IsReadWhole()
    {
        // /proc files say 0 bytes and hold more: the buffer grows from its first 4 KiB
        var text = YamlInputChecks.ReadCapped("/proc/self/maps");

        Assert.NotNull(text);
        Assert.True(text.Length > 0);
        Assert.Equal((byte)'\n', text[^1]);
    }
}

using System.Text;
using GlanceBake.Iso9660;

namespace GlanceBake.Iso9660.Tests;

/// <summary>
/// A typical NoCloud seed built into a fresh temp directory: three cloud-init text files with lower-case hyphen
/// names, an empty file, a subdirectory with a ~200 KiB binary streamed from disk and an executable script.
/// Deleted (read-only extraction trees included) on dispose.
/// </summary>
public sealed class SeedImage : IDisposable
{
    public static readonly DateTimeOffset Timestamp = new(2024, 5, 1, 12, 30, 15, TimeSpan.Zero);

    public SeedImage()
    {
        Directory = GlanceBake.Testing.TestTemp.NewDir("iso");
        var binary = new byte[200 * 1024 + 123];
        new Random(42).NextBytes(binary);
        var binaryPath = Path.Combine(Directory, "verify-image.qcow2.src");
        File.WriteAllBytes(binaryPath, binary);

        Files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["user-data"] = Encoding.UTF8.GetBytes("#cloud-config\nhostname: controller\nruncmd:\n  - [echo, 'a: b # c']\n"),
            ["meta-data"] = Encoding.UTF8.GetBytes("instance-id: glancebake-1\nlocal-hostname: controller\n"),
            ["network-config"] = Encoding.UTF8.GetBytes("version: 2\nethernets:\n  eth0:\n    dhcp4: true\n"),
            ["vendor-data"] = [],
            ["glancebake/verify-image.qcow2"] = binary,
            ["glancebake/verify.sh"] = Encoding.UTF8.GetBytes("#!/bin/sh\nexit 0\n"),
        };

        var builder = new IsoImageBuilder("CIDATA", Timestamp);
        foreach (var (path, content) in Files.Where(f => f.Key != "glancebake/verify-image.qcow2"))
        {
            builder.AddFile(path, content, path.EndsWith(".sh", StringComparison.Ordinal) ? ExecutableMode : 0x124);
        }

        builder.AddFile("glancebake/verify-image.qcow2", binaryPath);
        ImagePath = Path.Combine(Directory, "seed.iso");
        builder.Build(ImagePath);
    }

    /// <summary>Mode given to glancebake/verify.sh (0755), to show PX carries caller modes.</summary>
    public const int ExecutableMode = 0x1ED;

    public string Directory { get; }

    public string ImagePath { get; }

    /// <summary>Every file in the image by its exact path, with its content.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    public byte[] ReadImage() => File.ReadAllBytes(ImagePath);

    /// <summary>A new empty directory under the temp directory, for extraction.</summary>
    public string NewDirectory(string name)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Asserts that <paramref name="root"/> holds exactly the seed's files with equal bytes.</summary>
    public void AssertTreeEquals(string root)
    {
        var found = System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Files.Keys.Order(StringComparer.Ordinal), found);
        foreach (var (path, content) in Files)
        {
            Assert.True(content.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, path))), $"{path} differs");
        }
    }

    public void Dispose()
    {
        // Extractors recreate the image's 0555 directories; make them writable so the tree can be removed.
        if (!OperatingSystem.IsWindows())
        {
            foreach (var dir in System.IO.Directory.EnumerateDirectories(Directory, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

using GlanceBake.Core.Parameters;
using GlanceBake.Core.Rendering;
using GlanceBake.Core.Seed;

namespace GlanceBake.Core.Tests.Snapshots;

/// <summary>A scenario baked into a temporary folder: the model, the in-memory bundle and the written tree.</summary>
/// <param name="Name">Scenario folder name.</param>
/// <param name="Parameters">The loaded parameters.</param>
/// <param name="Bundle">What <see cref="SeedBaker.Bake"/> returned.</param>
/// <param name="TempDir">The temporary folder (deleted on dispose).</param>
/// <param name="OutputDir">The bake's output folder inside it.</param>
public sealed record BakedScenario(string Name, BakeParameters Parameters, SeedBundle Bundle, string TempDir,
    string OutputDir) : IDisposable
{
    /// <summary>Full path of an output file given its '/'-separated relative path.</summary>
    public string PathOf(string relative) => Path.Combine(OutputDir, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// A rootfs file as cloud-init writes it, real secrets included (the output's review/ copy shows placeholders):
    /// written once below the temporary folder, at <c>real/rootfs/etc/glance/glance-api.conf</c>.
    /// </summary>
    public string RootfsPath(string path)
    {
        var real = Path.Combine(TempDir, "real");
        lock (Bundle)
        {
            if (!Directory.Exists(real))
            {
                foreach (var f in Bundle.Rootfs)
                {
                    var target = Path.Combine(real, "rootfs" + f.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllBytes(target, f.Content);
                }
            }
        }

        return Path.Combine(real, "rootfs" + (Rendered(path)?.Path ?? path));
    }

    /// <summary>The rendered file that cloud-init writes at <paramref name="path"/> or that ends up there (a staged
    /// file), or null.</summary>
    public RenderedFile? Rendered(string path) => Bundle.Rootfs.FirstOrDefault(f => f.Path == path)
        ?? Bundle.Rootfs.FirstOrDefault(f => f.TargetPath == path);

    /// <summary>A scratch folder inside the temporary folder, created empty.</summary>
    public string Scratch(string label)
    {
        var dir = Path.Combine(TempDir, $"{label}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Removes the temporary folder.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(TempDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // already gone
        }
    }
}

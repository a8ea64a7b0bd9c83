using BenchmarkDotNet.Attributes;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Seed;
using GlanceBake.Iso9660;

namespace GlanceBake.Bench;

/// <summary>
/// Speed and memory of the two hot paths. Targets (bench/README.md): baking the shipped example under 100 ms;
/// building an ISO around a 64 MiB image streams it (allocations stay under 1 MiB, independent of file size).
/// </summary>
[MemoryDiagnoser]
public class BakeBenchmarks
{
    private string _params = "";
    private string _image = "";
    private string _outDir = "";

    [GlobalSetup]
    public void Setup()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "GlanceBake.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("run inside the repository");
        }

        _params = Path.Combine(dir, "examples", "controller.yaml");
        _outDir = Path.Combine(Path.GetTempPath(), "glancebake-bench-out");
        _image = Path.Combine(Path.GetTempPath(), "glancebake-bench-64m.img");
        if (!File.Exists(_image) || new FileInfo(_image).Length != 64 << 20)
        {
            using var f = File.Create(_image);
            f.SetLength(64 << 20);
        }
    }

    /// <summary>Load, validate and render the shipped example, in memory.</summary>
    [Benchmark]
    public SeedBundle RenderExample()
    {
        var p = ParameterLoader.LoadFile(_params).Parameters!;
        return SeedBaker.Bake(p, SeedBaker.DefaultTimestamp);
    }

    /// <summary>The whole bake including out/ and seed.iso on disk.</summary>
    [Benchmark]
    public int BakeExampleToDisk()
    {
        var p = ParameterLoader.LoadFile(_params).Parameters!;
        return BundleWriter.Write(SeedBaker.Bake(p, SeedBaker.DefaultTimestamp), _outDir).Count;
    }

    /// <summary>An ISO carrying a 64 MiB file, written to a null stream: measures streaming, not the disk.</summary>
    [Benchmark]
    public void Iso64MiBImage()
    {
        var iso = new IsoImageBuilder("CIDATA", SeedBaker.DefaultTimestamp);
        iso.AddFile("user-data", "#cloud-config\n"u8.ToArray());
        iso.AddFile("meta-data", "instance-id: iid-bench\n"u8.ToArray());
        iso.AddFile("glancebake/image.qcow2", _image);
        iso.Build(Stream.Null);
    }
}

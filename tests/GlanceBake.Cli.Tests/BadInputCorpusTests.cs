using System.Text;
using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// Issue 9: the hostile and careless inputs of <c>tests/bad-input/</c>. Each folder holds <c>params.yaml</c> (with any
/// files it names) and <c>expected/diagnostics.txt</c>, the exact standard error of <c>glancebake bake</c>, with the
/// parameter file's path written as <c>params.yaml</c>. Every case must exit 1 (never 70, an internal error) and
/// leave a previous output folder as it was. <c>GLANCEBAKE_ACCEPT=1</c> writes the expected files.
/// </summary>
public sealed class BadInputCorpusTests
{
    private static readonly string Corpus = Path.Combine(CliHarness.RepoRoot, "tests", "bad-input");

    public static IEnumerable<object[]> Cases =>
        Directory.EnumerateDirectories(Corpus).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)
            .Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bake_BadInput_ExitsOneWithExpectedDiagnosticsAndLeavesOutputUntouched(string name)
    {
        var folder = Path.Combine(Corpus, name);
        var parameters = Path.Combine(folder, "params.yaml");
        var output = Path.Combine(CliHarness.NewTempDir(), "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "SHA256SUMS"), "previous bake\n");
        File.WriteAllBytes(Path.Combine(output, "seed.iso"), [1, 2, 3]);

        var r = CliHarness.Run("bake", parameters, "-o", output);

        Assert.True(r.ExitCode != 70, $"internal error instead of a diagnostic:\n{r.Stderr}");
        Assert.True(r.ExitCode == 1, $"exit {r.ExitCode}:\n{r.Stderr}");
        Assert.Equal(["SHA256SUMS", "seed.iso"],
            Directory.EnumerateFileSystemEntries(output).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal));
        Assert.Equal("previous bake\n", File.ReadAllText(Path.Combine(output, "SHA256SUMS")));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(output, "seed.iso")));
        Assert.Single(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!)); // no staging folder left

        var actual = r.Stderr.Replace(parameters, "params.yaml", StringComparison.Ordinal);
        var expectedPath = Path.Combine(folder, "expected", "diagnostics.txt");
        if (Environment.GetEnvironmentVariable("GLANCEBAKE_ACCEPT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; GLANCEBAKE_ACCEPT=1 writes it. Got:\n{actual}");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    /// <summary>A FIFO cannot live in git: made here. Opening it would block until a writer comes; it must not be opened.</summary>
    [SkippableFact]
    public async Task Bake_ImageFileIsAFifo_IsRefusedWithoutBlocking()
    {
        var mkfifo = GlanceBake.Testing.ExternalTool.Require("mkfifo", "coreutils");
        var dir = CliHarness.NewTempDir();
        GlanceBake.Testing.ExternalTool.Run(mkfifo, [Path.Combine(dir, "pipe.qcow2")]).ShouldSucceed("mkfifo");
        var text = File.ReadAllText(Path.Combine(Corpus, "image-missing", "params.yaml"))
            .Replace("image_file: missing.qcow2", "image_file: pipe.qcow2", StringComparison.Ordinal);
        var parameters = Path.Combine(dir, "params.yaml");
        File.WriteAllText(parameters, text);

        var outcome = await Task.Run(() => CliHarness.Run("validate", parameters)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error GB2007: image file 'pipe.qcow2' must be a non-empty regular file", outcome.Stderr);
    }

    /// <summary>Parameter "files" no folder of the corpus can hold: an endless device, a folder, a file above 1 MiB.</summary>
    [Theory]
    [InlineData("/dev/zero", "the parameter file is larger than 1024 KiB")]
    [InlineData("FOLDER", "the parameter file is a folder")]
    [InlineData("HUGE", "the parameter file is larger than 1024 KiB")]
    public async Task Validate_ParameterFileThatCannotBeOne_IsGB1001NotAnInternalError(string path, string message)
    {
        var dir = CliHarness.NewTempDir();
        if (path == "HUGE")
        {
            path = Path.Combine(dir, "huge.yaml");
            File.WriteAllText(path, "schema: 1\n" + new string('#', 2 << 20) + "\n");
        }
        else if (path == "FOLDER")
        {
            path = dir;
        }

        var outcome = await Task.Run(() => CliHarness.Run("validate", path)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal($"{path}: error GB1001: {message}", outcome.Stderr.Split(" (or endless")[0].TrimEnd('\n'));
    }
}

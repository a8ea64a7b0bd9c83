using System.Diagnostics;
using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// Two inputs of issue 9's bad-input list that git cannot hold: an image file its reader may not open (mode 000;
/// checked as the unprivileged user <c>nobody</c>, through util-linux's <c>setpriv</c> when the tests run as root,
/// as CI does, because root reads any file), and a 100 MB parameter file made at test time. Both are refused with
/// exit 1 and a diagnostic, and the output folder is not created.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UnreadableAndHugeInputTests
{
    private static string CorpusParams =>
        File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "tests", "bad-input", "image-missing", "params.yaml"));

    [SkippableFact]
    public async Task Bake_ImageFileTheUserMayNotRead_IsGB2007AtImageFile()
    {
        var dir = Path.Combine(Path.GetTempPath(), "glancebake-unreadable-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
            var parameters = Path.Combine(dir, "params.yaml");
            File.WriteAllText(parameters, CorpusParams);
            File.SetUnixFileMode(parameters, (UnixFileMode)0b110_100_100);
            var image = Path.Combine(dir, "missing.qcow2");
            File.WriteAllBytes(image, [0x51, 0x46, 0x49, 0xfb, 0, 0, 0, 3]);
            File.SetUnixFileMode(image, UnixFileMode.None);

            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
            var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (Environment.UserName == "root")
            {
                start.FileName = GlanceBake.Testing.ExternalTool.Require("setpriv", "util-linux");
                foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", host })
                {
                    start.ArgumentList.Add(a);
                }

                start.Environment["HOME"] = dir;
                start.Environment["DOTNET_CLI_HOME"] = dir;
            }
            else
            {
                start.FileName = host;
            }

            var output = Path.Combine(dir, "out");
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "glancebake.dll"), "bake", parameters, "-o", output })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var line = Array.FindIndex(CorpusParams.Split('\n'), l => l.StartsWith("  image_file:", StringComparison.Ordinal)) + 1;
            Assert.Contains($"params.yaml({line},15): error GB2007: image file 'missing.qcow2' cannot be read", await stderr);
            Assert.Equal(1, process.ExitCode);
            Assert.False(Directory.Exists(output), "out/ was created");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Validate_ParameterFileOf100MB_IsGB1001WithoutReadingIt()
    {
        var dir = CliHarness.NewTempDir();
        var path = Path.Combine(dir, "huge.yaml");
        using (var f = new FileStream(path, FileMode.CreateNew))
        {
            f.Write(System.Text.Encoding.UTF8.GetBytes(CorpusParams));
            var comment = System.Text.Encoding.ASCII.GetBytes("# " + new string('x', 1021) + "\n");
            while (f.Length < 100_000_000)
            {
                f.Write(comment);
            }
        }

        var outcome = await Task.Run(() => CliHarness.Run("bake", path, "-o", Path.Combine(dir, "out"))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith($"{path}: error GB1001: the parameter file is larger than 1024 KiB", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }
}

namespace GlanceBake.Fuzz;

/// <summary>
/// The seed inputs, and a folder to bake them in: every parameter file of tests/bad-input, examples,
/// tests/scenarios and tests/e2e, read into memory; the files bad-input cases point at (a folder, a dangling
/// symlink) and a secrets file, a plain secret file and an image copied into one input folder, so mutated
/// <c>image_file</c> and <c>{file: ...}</c> values find real files of every kind. Nothing is written in the repository.
/// </summary>
internal sealed class SeedCorpus
{
    private SeedCorpus(IReadOnlyList<byte[]> seeds, string inputFolder)
    {
        Seeds = seeds;
        InputFolder = inputFolder;
    }

    /// <summary>The seed files' bytes, sorted by path.</summary>
    public IReadOnlyList<byte[]> Seeds { get; }

    /// <summary>Where each input is written as <c>params.yaml</c>.</summary>
    public string InputFolder { get; }

    public static SeedCorpus Copy(string repo, string work)
    {
        var files = new List<string>();
        files.AddRange(Directory.EnumerateFiles(Path.Combine(repo, "tests", "bad-input"), "params.yaml", SearchOption.AllDirectories));
        files.AddRange(Directory.EnumerateFiles(Path.Combine(repo, "examples"), "*.yaml"));
        files.AddRange(Directory.EnumerateFiles(Path.Combine(repo, "tests", "scenarios"), "params.yaml", SearchOption.AllDirectories));
        files.AddRange(Directory.EnumerateFiles(Path.Combine(repo, "tests", "e2e"), "params-*.yaml"));
        files.Sort(StringComparer.Ordinal);

        var folder = Path.Combine(work, "input");
        Directory.CreateDirectory(Path.Combine(folder, "a-folder"));
        File.CreateSymbolicLink(Path.Combine(folder, "dangling.qcow2"), "nowhere.qcow2");
        File.WriteAllText(Path.Combine(folder, "secrets.yaml"),
            "database.password: Fuzz-db-'\"$`\\%\ndatabase.admin.password: \"x\\ty\"\nkeystone.admin.password: k\nglance.password: '#g: h'\n");
        File.WriteAllText(Path.Combine(folder, "secret.txt"), "plain secret with spaces and $HOME\n");
        File.WriteAllBytes(Path.Combine(folder, "image.qcow2"), [(byte)'Q', (byte)'F', (byte)'I', 0xFB, 0, 0, 0, 3]);
        File.WriteAllBytes(Path.Combine(folder, "missing.qcow2.not"), [1]);
        return new SeedCorpus(files.Select(File.ReadAllBytes).ToList(), folder);
    }
}

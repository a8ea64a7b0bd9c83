using System.Security.Cryptography;
using GlanceBake.Iso9660;

namespace GlanceBake.Core.Seed;

/// <summary>
/// The write stage: puts a <see cref="SeedBundle"/> in an output folder as
/// <c>cidata/</c> (exactly the ISO's files), <c>review/</c> (the NoCloud files and what user-data writes, at target
/// paths under <c>review/rootfs/</c>, secrets as placeholders: <see cref="ReviewTree"/>), <c>seed.iso</c> (volume
/// CIDATA, ISO 9660 + Joliet + Rock Ridge), <c>packer/cidata.pkr.hcl</c> and <c>SHA256SUMS</c>.
/// The tree is built in a sibling staging folder and swapped in only when complete, so a failure leaves the
/// previous output untouched and nothing half-written.
/// </summary>
public static class BundleWriter
{
    /// <summary>The ISO's volume identifier; cloud-init's NoCloud matches <c>cidata</c> or <c>CIDATA</c>.</summary>
    public const string VolumeLabel = "CIDATA";

    /// <summary>The top-level entries bake writes.</summary>
    public static IReadOnlyList<string> OwnEntries { get; } = ["SHA256SUMS", "cidata", "packer", "review", "seed.iso"];

    /// <summary>Entries an output folder may hold and still be replaced: <see cref="OwnEntries"/>, and <c>rootfs</c>,
    /// which bakes before the review tree wrote.</summary>
    public static IReadOnlyList<string> ReplaceableEntries { get; } = [.. OwnEntries, "rootfs"];

    /// <summary>
    /// Why <paramref name="outputDir"/> must not be replaced, or null when it may: it must be new, empty, or a
    /// previous GlanceBake output (only <see cref="ReplaceableEntries"/> at its top), and must not contain the working folder.
    /// Safe to call while another bake swaps its tree in; call it again under <see cref="OutputFolderLock"/> to be sure.
    /// </summary>
    public static string? RefusalReason(string outputDir, string workingDirectory)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        if (full.Length == 0 || Path.GetDirectoryName(full) is null)
        {
            return "the file system root cannot be an output folder";
        }

        var cwd = Path.GetFullPath(workingDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (cwd.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "it is, or contains, the current folder; choose a folder such as 'out'";
        }

        if (File.Exists(full))
        {
            return "it is a file";
        }

        if (!Directory.Exists(full))
        {
            return null;
        }

        string? foreign;
        try
        {
            foreign = Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName)
                .Where(n => !ReplaceableEntries.Contains(n!, StringComparer.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
        }
        catch (DirectoryNotFoundException)
        {
            // Renamed away while we looked: another bake is swapping its tree in (its lock decides who writes).
            return null;
        }

        foreign ??= ForeignFileBelow(full);
        return foreign is null ? null
            : $"it holds '{foreign}', which GlanceBake did not write; bake replaces the whole folder, so choose a new or empty one";
    }

    /// <summary>
    /// A file below the folder's own entries (<c>review/README.md</c>, <c>cidata/notes.txt</c>) that the previous bake
    /// did not write: every file a bake writes is a line of its SHA256SUMS (all but SHA256SUMS itself), so any other
    /// file, or any file at all when SHA256SUMS is missing, is someone else's. Null when there is none.
    /// </summary>
    private static string? ForeignFileBelow(string full)
    {
        try
        {
            var sums = Path.Combine(full, "SHA256SUMS");
            var written = File.Exists(sums)
                ? File.ReadLines(sums).Select(l => l.Split("  ", 2)).Where(p => p.Length == 2).Select(p => p[1]).ToHashSet(StringComparer.Ordinal)
                : [];
            return Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .Select(f => Path.GetRelativePath(full, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(r => r != "SHA256SUMS" && !written.Contains(r))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault();
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the bundle to <paramref name="outputDir"/>, replacing a previous output there. Secret-bearing files
    /// (the NoCloud files, the image, seed.iso, and SHA256SUMS, whose hashes are of them) are written owner-only
    /// (0600); review/ copies keep their target modes.
    /// Call <see cref="RefusalReason"/> first: this method replaces whatever the folder holds.
    /// </summary>
    /// <remarks>
    /// The tree is written to <c>.NAME.glancebake-new</c> beside the folder, then the folder is renamed to
    /// <c>.NAME.glancebake-old</c>, the new tree renamed into its place, and the old one deleted. A bake killed at any
    /// point leaves <c>NAME</c> whole (old or new) or, between the two renames, the old tree as
    /// <c>.NAME.glancebake-old</c>; the next bake into the folder first puts such a tree back, then deletes both
    /// leftovers. All of it happens under <see cref="OutputFolderLock"/>, so a second bake cannot take these names
    /// from a running one.
    /// </remarks>
    /// <param name="bundle">What to write.</param>
    /// <param name="outputDir">The output folder.</param>
    /// <param name="held">The folder's lock when the caller took it already (to fail before rendering); null takes it here.</param>
    /// <returns>Relative paths written, sorted, with their SHA-256 (the SHA256SUMS lines).</returns>
    /// <exception cref="OutputFolderBusyException">Another bake is writing the folder; nothing was touched.</exception>
    /// <exception cref="IOException">The folder cannot be written; the previous contents are kept.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission; the previous contents are kept.</exception>
    public static IReadOnlyList<string> Write(SeedBundle bundle, string outputDir, OutputFolderLock? held = null) =>
        Write(outputDir, _ => bundle, held).Sums;

    /// <summary>
    /// As <see cref="Write(SeedBundle, string, OutputFolderLock)"/>, rendering the bundle once the staging folder exists:
    /// <paramref name="bake"/> gets the staging folder's path, where <see cref="SeedBaker.Bake"/> copies the user's
    /// image while hashing it (so the image is read once and written to cidata/ once).
    /// </summary>
    /// <param name="outputDir">The output folder.</param>
    /// <param name="bake">Renders the bundle, given the staging folder.</param>
    /// <param name="held">The folder's lock when the caller took it already; null takes it here.</param>
    /// <returns>The bundle, and the SHA256SUMS lines.</returns>
    /// <exception cref="OutputFolderBusyException">Another bake is writing the folder; nothing was touched.</exception>
    /// <exception cref="IOException">The folder cannot be written; the previous contents are kept.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission; the previous contents are kept.</exception>
    public static (SeedBundle Bundle, IReadOnlyList<string> Sums) Write(string outputDir, Func<string, SeedBundle> bake, OutputFolderLock? held = null)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? throw new IOException($"cannot write to {outputDir}");
        Directory.CreateDirectory(parent);
        using var taken = held is null ? OutputFolderLock.Acquire(full) : null;
        var staging = Beside(full, "new");
        var previous = Beside(full, "old");
        if (!Directory.Exists(full) && Directory.Exists(previous))
        {
            // A bake was killed between its two renames: its old tree is the folder's last complete output.
            Directory.Move(previous, full);
        }

        DeleteIfExists(staging);
        DeleteIfExists(previous);
        try
        {
            Directory.CreateDirectory(staging);
            var bundle = bake(staging);
            var sums = WriteTree(bundle, staging);
            if (Directory.Exists(full))
            {
                Directory.Move(full, previous);
            }

            Directory.Move(staging, full);
            DeleteIfExists(previous);
            return (bundle, sums);
        }
        catch
        {
            DeleteIfExists(staging);
            if (!Directory.Exists(full) && Directory.Exists(previous))
            {
                Directory.Move(previous, full);
            }

            throw;
        }
    }

    /// <summary>
    /// A working name beside the output folder <c>NAME</c>: <c>PARENT/.NAME.glancebake-ROLE</c>, for the staging tree
    /// (<c>new</c>), the previous tree while it is swapped out (<c>old</c>) and <see cref="OutputFolderLock"/>
    /// (<c>lock</c>).
    /// </summary>
    /// <exception cref="IOException">The output folder is the file system root.</exception>
    internal static string Beside(string outputDir, string role)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? throw new IOException($"cannot write to {outputDir}");
        return Path.Combine(parent, $".{Path.GetFileName(full)}.glancebake-{role}");
    }

    private static List<string> WriteTree(SeedBundle bundle, string root)
    {
        // Relative path -> SHA-256, from bytes already in hand; only seed.iso is read back.
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (fileName, content) in bundle.Cidata)
        {
            written.Add(WriteFile(root, $"cidata/{fileName}", content, OwnerOnly), Sha256Of(content));
        }

        var imagePath = $"cidata/{bundle.Image.SeedPath}";
        if (bundle.Image.Content is { } bytes)
        {
            WriteFile(root, imagePath, bytes, OwnerOnly);
        }
        else
        {
            var target = Path.GetFullPath(Path.Combine(root, imagePath));
            if (Path.GetFullPath(bundle.Image.SourceFile!) != target)
            {
                // Not staged by SeedBaker.Bake (a bundle rendered earlier): copy it now.
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                CopySparse(bundle.Image.SourceFile!, target, bundle.Image.Length);
            }

            SetMode(target, OwnerOnly);
        }

        written.Add(imagePath, bundle.Image.Sha256);

        var packer = PackerFragment.Build(bundle.Cidata.Select(c => c.Name), bundle.Image.SeedPath.Split('/')[0]);
        written.Add(WriteFile(root, PackerFragment.RelativePath, packer, 0b110_100_100), Sha256Of(packer));

        // review/ holds most of the files, and creating files is most of this stage's time: a second thread starts on
        // them while seed.iso is built, and this thread joins it when the ISO is done (both take the next file).
        var reviewFiles = bundle.Review;
        var reviewSums = new string[reviewFiles.Count];
        var next = -1;
        void WriteReview()
        {
            for (var i = Interlocked.Increment(ref next); i < reviewFiles.Count; i = Interlocked.Increment(ref next))
            {
                var f = reviewFiles[i];
                WriteFile(root, "review/" + f.Path, f.Content, f.Mode);
                reviewSums[i] = Sha256Of(f.Content);
            }
        }

        var review = Task.Run(WriteReview);
        try
        {
            var iso = new IsoImageBuilder(VolumeLabel, bundle.Timestamp);
            foreach (var (fileName, content) in bundle.Cidata)
            {
                iso.AddFile(fileName, content);
            }

            iso.AddFile(bundle.Image.SeedPath, Path.Combine(root, imagePath));
            // Hashed as it is written: seed.iso is never read back.
            written.Add("seed.iso", iso.BuildWithSha256(Path.Combine(root, "seed.iso")));
            SetMode(Path.Combine(root, "seed.iso"), OwnerOnly);
            WriteReview();
        }
        catch
        {
            // The caller deletes the staging folder: not while review/ is still being written into it.
            Interlocked.Exchange(ref next, reviewFiles.Count);
            try
            {
                review.Wait();
            }
            catch (AggregateException)
            {
                // The first failure is the one reported.
            }

            throw;
        }

        review.GetAwaiter().GetResult();
        for (var i = 0; i < reviewFiles.Count; i++)
        {
            written.Add("review/" + reviewFiles[i].Path, reviewSums[i]);
        }

        var lines = written.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => $"{w.Value}  {w.Key}")
            .ToList();
        WriteNew(Path.Combine(root, "SHA256SUMS"), Rendering.EscapeFilters.Utf8.GetBytes(string.Join("\n", lines) + "\n"));
        SetMode(Path.Combine(root, "SHA256SUMS"), OwnerOnly);
        SetFolderModes(root);
        return lines;
    }

    // A sparse copy (SeedImage.CopySparse) that fails when the file changed length since it was hashed.
    private static void CopySparse(string source, string target, long length)
    {
        var copied = SeedImage.CopySparse(source, target, null);
        if (copied != length)
        {
            throw new IOException($"'{source}' is {copied} bytes now but was {length} bytes when it was hashed");
        }
    }

    private static string WriteFile(string root, string relative, byte[] content, int mode)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteNew(path, content);
        // Review copies stay readable by their owner whatever their mode on the target.
        SetMode(path, mode | 0b110_000_000);
        return relative;
    }

    // Into the new staging folder, so CreateNew (O_EXCL): File.WriteAllBytes opens with FileMode.Create, which
    // truncates (ftruncate to 0), and ext4 (auto_da_alloc, ext4(5)) then starts write-back of the file in close().
    private static void WriteNew(string path, byte[] content)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(handle, content, 0);
    }

    /// <summary>
    /// Folder modes whatever the umask (a umask of 000 made them world-writable, so anyone on the machine could swap
    /// cidata/user-data before Packer built the CD): cidata/ and everything below it rwx------ (it carries every
    /// password), every other folder rwxr-xr-x.
    /// </summary>
    private static void SetFolderModes(string root)
    {
        SetMode(root, 0b111_101_101);
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, dir).Replace(Path.DirectorySeparatorChar, '/');
            SetMode(dir, relative == "cidata" || relative.StartsWith("cidata/", StringComparison.Ordinal) ? 0b111_000_000 : 0b111_101_101);
        }
    }

    /// <summary>rw------- : the seed carries every password in clear.</summary>
    private const int OwnerOnly = 0b110_000_000;

    private static void SetMode(string path, int mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)mode);
        }
    }

    private static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static void DeleteIfExists(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

namespace GlanceBake.Iso9660;

/// <summary>
/// Builds an ISO 9660 image (ECMA-119) with Joliet names (UCS-2 level 3) and Rock Ridge (SUSP 1.12, RRIP 1.12
/// announced as RRIP_1991A), such as a cloud-init NoCloud seed labelled CIDATA. Add files and directories in
/// any order, then call <see cref="Build(Stream)"/>: the same set of calls gives a byte-identical image.
/// </summary>
/// <remarks>
/// Joliet and Rock Ridge carry each name exactly as given; the plain ECMA-119 tree gets interchange level 1
/// fallback names (upper case, 8.3, ";1"). A file larger than 4 GiB - 1 is recorded in several file sections
/// (interchange level 3, ECMA-119 10.3; 9.1.6 Multi-Extent) as xorriso does: sections of 4 GiB - 2048 bytes, the last
/// holding the rest, each with its own directory record in both trees. Every date field holds the one timestamp
/// given to the constructor.
/// Owners are uid/gid 0. The layout is computed first and the image written in one forward pass; file data
/// from disk is streamed through a buffer.
/// </remarks>
public sealed class IsoImageBuilder
{
    /// <summary>ECMA-119 6.8.2.1: at most 8 directory levels, counting the root.</summary>
    public const int MaxDirectoryLevels = 8;

    /// <summary>
    /// Bytes in every file section but the last of a file above 4 GiB - 1 (4 GiB - 2048, libisofs' ISO_EXTENT_SIZE);
    /// a file of <c>n</c> bytes takes <c>ceil(n / FileSectionSize)</c> directory records per tree.
    /// </summary>
    public const long FileSectionSize = 0xFFFFF800;

    /// <summary>Joliet: a name is at most 64 UCS-2 characters.</summary>
    public const int MaxNameLength = 64;

    private const int DefaultDirectoryMode = 0x16D; // 0555
    private const int DefaultFileMode = 0x124;      // 0444

    private readonly string _volumeIdentifier;
    private readonly DateTimeOffset _timestamp;
    private readonly FileSections _sections;
    private readonly TreeNode _root = TreeNode.CreateRoot(DefaultDirectoryMode);

    /// <summary>Starts an empty image.</summary>
    /// <param name="volumeIdentifier">
    /// Volume label: 1-32 d-characters (A-Z, 0-9, '_'; ECMA-119 8.4.6 and 7.4.1), e.g. <c>CIDATA</c>.
    /// The Joliet descriptor carries it in UCS-2, cut to 16 characters if longer.
    /// </param>
    /// <param name="timestamp">Used for every date field (UTC is written); years 1900-2155.</param>
    /// <exception cref="ArgumentException">The identifier is empty, too long or not d-characters, or the
    /// timestamp is out of range (<see cref="ArgumentOutOfRangeException"/>).</exception>
    public IsoImageBuilder(string volumeIdentifier, DateTimeOffset timestamp)
        : this(volumeIdentifier, timestamp, FileSections.Default)
    {
    }

    /// <summary>Starts an empty image that cuts files into sections by <paramref name="sections"/> (tests use small ones).</summary>
    internal IsoImageBuilder(string volumeIdentifier, DateTimeOffset timestamp, FileSections sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        if (sections.ExtentSize == 0 || sections.ExtentSize % ImageLayout.BlockSize != 0 || sections.MaxSectionSize < sections.ExtentSize)
        {
            throw new ArgumentException("the extent size must be a positive multiple of 2048, at most the largest section", nameof(sections));
        }

        ArgumentNullException.ThrowIfNull(volumeIdentifier);
        if (volumeIdentifier.Length is 0 or > 32 || !volumeIdentifier.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
        {
            throw new ArgumentException(
                $"volume identifier '{volumeIdentifier}' must be 1-32 d-characters (A-Z, 0-9, _), ECMA-119 8.4.6",
                nameof(volumeIdentifier));
        }

        IsoTimestamp.Validate(timestamp, nameof(timestamp));
        _volumeIdentifier = volumeIdentifier;
        _timestamp = timestamp;
        _sections = sections;
    }

    /// <summary>Adds a directory (and any missing parents, which get mode 0555).</summary>
    /// <param name="path">'/'-separated relative path such as <c>a/b</c>; names at most 64 UCS-2 characters.</param>
    /// <param name="mode">POSIX permission bits 0..07777 for the Rock Ridge PX entry; default 0555.</param>
    /// <exception cref="ArgumentException">Bad name, more than 7 components (8 levels with the root), the
    /// path names a file, or the directory was already added with <see cref="AddDirectory"/>.</exception>
    public void AddDirectory(string path, int mode = DefaultDirectoryMode)
    {
        var names = SplitPath(path, MaxDirectoryLevels - 1, "directory");
        CheckMode(mode);
        var node = EnsureDirectories(path, names, names.Length);
        if (node.Explicit)
        {
            throw new ArgumentException($"directory '{path}' was already added", nameof(path));
        }

        node.Explicit = true;
        node.Mode = mode;
    }

    /// <summary>Adds a file with in-memory content (copied now).</summary>
    /// <param name="path">'/'-separated relative path such as <c>user-data</c> or <c>glancebake/verify.qcow2</c>.</param>
    /// <param name="content">File bytes.</param>
    /// <param name="mode">POSIX permission bits 0..07777 for the Rock Ridge PX entry; default 0444.</param>
    /// <exception cref="ArgumentException">Bad name or depth, or the path is already taken.</exception>
    public void AddFile(string path, byte[] content, int mode = DefaultFileMode)
    {
        ArgumentNullException.ThrowIfNull(content);
        AddFileNode(path, new ByteArraySource((byte[])content.Clone()), mode);
    }

    /// <summary>Adds a file whose content is streamed from <paramref name="sourceFile"/> when the image is built.</summary>
    /// <param name="path">'/'-separated relative path inside the image.</param>
    /// <param name="sourceFile">File on disk; its length is taken now and must not change before <c>Build</c>.</param>
    /// <param name="mode">POSIX permission bits 0..07777 for the Rock Ridge PX entry; default 0444.</param>
    /// <exception cref="ArgumentException">Bad name or depth, or the path is already taken.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="sourceFile"/> does not exist.</exception>
    public void AddFile(string path, string sourceFile, int mode = DefaultFileMode)
    {
        ArgumentNullException.ThrowIfNull(sourceFile);
        var info = new FileInfo(sourceFile);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"source file '{sourceFile}' for '{path}' does not exist", sourceFile);
        }

        AddFileNode(path, new DiskFileSource(info.FullName, info.Length), mode);
    }

    /// <summary>Writes the image to <paramref name="output"/> (forward only, no seeking), exactly VolumeSpaceSize * 2048 bytes.</summary>
    /// <exception cref="IOException">A source file changed length since it was added, or writing failed.</exception>
    /// <exception cref="InvalidOperationException">The image would exceed 2^32 - 1 blocks (8 TiB, ECMA-119 8.4.8).</exception>
    public void Build(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var layout = ImageLayout.Compute(_root, _timestamp, _sections);
        new ImageWriter(layout, _volumeIdentifier, output).Write();
    }

    /// <summary>
    /// Writes the image to a new file at <paramref name="outputPath"/> (replaced if present; removed on failure).
    /// Zero runs of 64 KiB and more are left as holes, so a sparse source file gives a sparse image.
    /// </summary>
    /// <exception cref="IOException">A source file changed, or the output cannot be written.</exception>
    public void Build(string outputPath) => BuildFile(outputPath, null);

    /// <summary>
    /// As <see cref="Build(string)"/>, and returns the image's SHA-256 (lower-case hex), computed from the bytes as
    /// they are written: the image is never read back.
    /// </summary>
    /// <exception cref="IOException">A source file changed, or the output cannot be written.</exception>
    public string BuildWithSha256(string outputPath)
    {
        using var hash = new PipelinedSha256();
        BuildFile(outputPath, hash);
        return hash.Finish();
    }

    private void BuildFile(string outputPath, PipelinedSha256? hash)
    {
        ArgumentNullException.ThrowIfNull(outputPath);
        try
        {
            // A new file is opened CreateNew: FileMode.Create truncates it (ftruncate to 0 after opening), and ext4
            // (auto_da_alloc, ext4(5)) then starts write-back of the whole file in close(), on the writer's time.
            var mode = File.Exists(outputPath) ? FileMode.Create : FileMode.CreateNew;
            using var stream = new FileStream(outputPath, mode, FileAccess.Write, FileShare.None, 1 << 16);
            using var sparse = new SparseFileStream(stream, hash);
            Build(sparse);
        }
        catch when (File.Exists(outputPath))
        {
            File.Delete(outputPath); // no half-written image left behind
            throw;
        }
    }

    private void AddFileNode(string path, FileSource content, int mode)
    {
        var names = SplitPath(path, MaxDirectoryLevels, "file");
        CheckMode(mode);
        var parent = EnsureDirectories(path, names, names.Length - 1);
        if (parent.Children.ContainsKey(names[^1]))
        {
            throw new ArgumentException($"'{path}' was already added", nameof(path));
        }

        parent.AddFile(names[^1], mode, content);
    }

    // Walks (creating) the first `count` components as directories.
    private TreeNode EnsureDirectories(string path, string[] names, int count)
    {
        var node = _root;
        for (var i = 0; i < count; i++)
        {
            if (!node.Children.TryGetValue(names[i], out var child))
            {
                child = node.AddDirectory(names[i], DefaultDirectoryMode);
            }
            else if (!child.IsDirectory)
            {
                throw new ArgumentException(
                    $"'{path}' needs '{string.Join('/', names[..(i + 1)])}' to be a directory, but it was added as a file",
                    nameof(path));
            }

            node = child;
        }

        return node;
    }

    private static string[] SplitPath(string path, int maxComponents, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        var names = path.Split('/');
        foreach (var name in names)
        {
            PathNameRules.Check(path, name);
        }

        if (names.Length > maxComponents)
        {
            throw new ArgumentException(
                $"{what} path '{path}' has {names.Length} components; ECMA-119 6.8.2.1 allows {MaxDirectoryLevels} " +
                $"directory levels including the root, so at most {maxComponents} for a {what}", nameof(path));
        }

        return names;
    }

    private static void CheckMode(int mode)
    {
        if (mode is < 0 or > 0xFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be POSIX permission bits 0..07777");
        }
    }
}

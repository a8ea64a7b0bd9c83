namespace GlanceBake.Iso9660;

/// <summary>
/// One file or directory of the image tree. The builder fills the name, mode and content;
/// <see cref="ImageLayout"/> fills the layout fields (names per tree, blocks, sizes, serial number).
/// </summary>
internal sealed class TreeNode
{
    private TreeNode(string name, TreeNode? parent, bool isDirectory, int mode, FileSource? content)
    {
        Name = name;
        Parent = parent;
        IsDirectory = isDirectory;
        Mode = mode;
        Content = content;
    }

    /// <summary>The name exactly as given (Rock Ridge NM and Joliet carry it); empty for the root.</summary>
    public string Name { get; }

    /// <summary>The containing directory; null for the root.</summary>
    public TreeNode? Parent { get; }

    /// <summary>True for directories.</summary>
    public bool IsDirectory { get; }

    /// <summary>POSIX permission bits (0..07777) without the file type bits.</summary>
    public int Mode { get; set; }

    /// <summary>True once <c>AddDirectory</c> named this directory (implicit parents are not explicit).</summary>
    public bool Explicit { get; set; }

    /// <summary>File content; null for directories.</summary>
    public FileSource? Content { get; }

    /// <summary>Children by exact name, ordinal order (so every later walk is deterministic).</summary>
    public SortedDictionary<string, TreeNode> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>ECMA-119 file or directory identifier (d-characters, file names with ";1").</summary>
    public string IsoIdentifier { get; set; } = "";

    /// <summary>Children in ECMA-119 9.3 order of <see cref="IsoIdentifier"/>.</summary>
    public List<TreeNode> IsoOrder { get; set; } = [];

    /// <summary>Children in Joliet order (UCS-2 code unit order of <see cref="Name"/>).</summary>
    public List<TreeNode> JolietOrder { get; set; } = [];

    /// <summary>Directory: first block of its ECMA-119 directory extent.</summary>
    public uint IsoBlock { get; set; }

    /// <summary>
    /// File: its file sections, each a first block and a byte size, consecutive on the volume (cut as
    /// <see cref="FileSections"/> says). Empty for an empty file (one record, extent 0, size 0).
    /// </summary>
    public List<(uint Block, uint Size)> Sections { get; } = [];

    /// <summary>Directory: first block of its Joliet directory extent.</summary>
    public uint JolietBlock { get; set; }

    /// <summary>Directory: size in bytes of its ECMA-119 extent (whole blocks).</summary>
    public uint IsoSize { get; set; }

    /// <summary>Directory: size in bytes of its Joliet extent (whole blocks).</summary>
    public uint JolietSize { get; set; }

    /// <summary>Directory: number in the ECMA-119 path table (1 = root, ECMA-119 9.4.6).</summary>
    public ushort IsoNumber { get; set; }

    /// <summary>Directory: number in the Joliet path table.</summary>
    public ushort JolietNumber { get; set; }

    /// <summary>RRIP 1.12 4.1.1 PX serial number (the inode), unique per node.</summary>
    public uint SerialNumber { get; set; }

    /// <summary>Creates the root directory.</summary>
    public static TreeNode CreateRoot(int mode) => new("", null, true, mode, null);

    /// <summary>Creates and attaches a child directory.</summary>
    public TreeNode AddDirectory(string name, int mode)
    {
        var node = new TreeNode(name, this, true, mode, null);
        Children.Add(name, node);
        return node;
    }

    /// <summary>Creates and attaches a child file.</summary>
    public TreeNode AddFile(string name, int mode, FileSource content)
    {
        var node = new TreeNode(name, this, false, mode, content);
        Children.Add(name, node);
        return node;
    }
}

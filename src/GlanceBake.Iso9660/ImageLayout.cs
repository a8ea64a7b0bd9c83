using System.Text;

namespace GlanceBake.Iso9660;

/// <summary>
/// The whole image planned before anything is written: names, path-table order, every directory record and
/// SUSP continuation area, and the block of every extent. Block order: 16 system-area blocks (ECMA-119 6.2.1),
/// PVD at 16, Joliet SVD at 17, terminator at 18 (ECMA-119 6.7.1), L/M path tables of both trees (ECMA-119 9.4),
/// ECMA-119 directories, continuation areas, Joliet directories, then file data.
/// </summary>
internal sealed class ImageLayout
{
    /// <summary>ECMA-119 6.1.2 / 8.4.12: logical block size used throughout.</summary>
    public const int BlockSize = 2048;

    /// <summary>First block after the volume descriptor set (PVD 16, SVD 17, terminator 18).</summary>
    public const uint FirstFreeBlock = 19;

    private ImageLayout(TreeNode root, DateTimeOffset timestamp, FileSections sections)
    {
        Root = root;
        Timestamp = timestamp;
        Sections = sections;
    }

    /// <summary>How files are cut into file sections.</summary>
    public FileSections Sections { get; }

    /// <summary>The one timestamp of every date field (TF entries, directory records, volume dates).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The root directory.</summary>
    public TreeNode Root { get; }

    /// <summary>ECMA-119 directories in path-table order (ECMA-119 9.4: by level, parent number, identifier).</summary>
    public List<TreeNode> IsoDirectories { get; } = [];

    /// <summary>Joliet directories in path-table order (identifiers compared as UCS-2 code units).</summary>
    public List<TreeNode> JolietDirectories { get; } = [];

    /// <summary>Records of each ECMA-119 directory, ".", ".." then children in ECMA-119 9.3 order.</summary>
    public Dictionary<TreeNode, List<DirectoryEntry>> IsoEntries { get; } = [];

    /// <summary>Records of each Joliet directory.</summary>
    public Dictionary<TreeNode, List<DirectoryEntry>> JolietEntries { get; } = [];

    /// <summary>System Use fields that have a continuation area, in block order.</summary>
    public List<SystemUseField> Continuations { get; } = [];

    /// <summary>Non-empty files in the order their data is written.</summary>
    public List<TreeNode> Files { get; } = [];

    /// <summary>ECMA-119 8.4.14: byte size of the ECMA-119 path table (one table; L and M are equal in size).</summary>
    public uint IsoPathTableSize { get; private set; }

    /// <summary>Byte size of the Joliet path table.</summary>
    public uint JolietPathTableSize { get; private set; }

    /// <summary>Blocks of the ECMA-119 L, ECMA-119 M, Joliet L and Joliet M path tables.</summary>
    public uint[] PathTableBlocks { get; } = new uint[4];

    /// <summary>First block of the continuation areas, and how many blocks they take.</summary>
    public (uint First, uint Count) ContinuationBlocks { get; private set; }

    /// <summary>ECMA-119 8.4.8: volume space size in blocks (the image is exactly this many blocks long).</summary>
    public uint VolumeSpaceSize { get; private set; }

    /// <summary>Plans the image for the tree under <paramref name="root"/>, dated <paramref name="timestamp"/>.</summary>
    /// <exception cref="InvalidOperationException">The image would exceed 2^32 blocks.</exception>
    public static ImageLayout Compute(TreeNode root, DateTimeOffset timestamp, FileSections sections)
    {
        var layout = new ImageLayout(root, timestamp, sections);
        layout.PlanSections();
        layout.OrderTrees();
        layout.BuildEntries();

        long next = FirstFreeBlock;
        for (var i = 0; i < 4; i++)
        {
            layout.PathTableBlocks[i] = (uint)next;
            next += Blocks(i < 2 ? layout.IsoPathTableSize : layout.JolietPathTableSize);
        }

        foreach (var dir in layout.IsoDirectories)
        {
            dir.IsoBlock = (uint)next;
            next += Blocks(dir.IsoSize);
        }

        next = layout.PlaceContinuations(next);
        foreach (var dir in layout.JolietDirectories)
        {
            dir.JolietBlock = (uint)next;
            next += Blocks(dir.JolietSize);
        }

        foreach (var file in layout.Files)
        {
            for (var i = 0; i < file.Sections.Count; i++)
            {
                // Every section but the last is whole blocks, so a file's sections are contiguous.
                file.Sections[i] = ((uint)next, file.Sections[i].Size); // past 2^32 blocks: refused below
                next += Blocks(file.Sections[i].Size);
            }
        }

        if (next > uint.MaxValue)
        {
            throw new InvalidOperationException($"the image would need {next} blocks; ECMA-119 8.4.8 allows 2^32 - 1");
        }

        layout.VolumeSpaceSize = (uint)next;
        return layout;
    }

    /// <summary>Whole blocks needed for <paramref name="bytes"/> bytes.</summary>
    public static long Blocks(long bytes) => (bytes + BlockSize - 1) / BlockSize;

    /// <summary>ECMA-119 9.4.1-9.4.5: a path table record is 8 bytes, the identifier, and a pad byte if it is odd.</summary>
    public static int PathTableRecordLength(int identifierLength) => 8 + identifierLength + (identifierLength & 1);

    /// <summary>UCS-2 big-endian bytes of a Joliet identifier.</summary>
    public static byte[] JolietIdentifier(string name) => Encoding.BigEndianUnicode.GetBytes(name);

    // Sizes of every file's sections; their blocks are set once the directories are placed.
    private void PlanSections()
    {
        var pending = new Stack<TreeNode>([Root]);
        while (pending.Count > 0)
        {
            foreach (var child in pending.Pop().Children.Values)
            {
                if (child.IsDirectory)
                {
                    pending.Push(child);
                    continue;
                }

                child.Sections.Clear();
                child.Sections.AddRange(Sections.Sizes(child.Content!.Length).Select(size => (0u, size)));
            }
        }
    }

    private void OrderTrees()
    {
        // Path-table order is breadth-first with children sorted: level, then parent number, then identifier.
        var queue = new Queue<TreeNode>([Root]);
        uint serial = 1;
        Root.SerialNumber = serial++;
        while (queue.Count > 0)
        {
            var dir = queue.Dequeue();
            IsoNames.AssignIdentifiers(dir);
            dir.JolietOrder = [.. dir.Children.Values]; // already ordinal by name: UCS-2 code unit order
            IsoDirectories.Add(dir);
            dir.IsoNumber = checked((ushort)IsoDirectories.Count);
            foreach (var child in dir.IsoOrder)
            {
                child.SerialNumber = serial++;
                if (child.IsDirectory)
                {
                    queue.Enqueue(child);
                }
                else if (child.Content!.Length > 0)
                {
                    Files.Add(child);
                }
            }
        }

        queue.Enqueue(Root);
        while (queue.Count > 0)
        {
            var dir = queue.Dequeue();
            JolietDirectories.Add(dir);
            dir.JolietNumber = (ushort)JolietDirectories.Count;
            foreach (var child in dir.JolietOrder.Where(c => c.IsDirectory))
            {
                queue.Enqueue(child);
            }
        }

        IsoPathTableSize = (uint)IsoDirectories.Sum(d => PathTableRecordLength(d.Parent is null ? 1 : d.IsoIdentifier.Length));
        JolietPathTableSize = (uint)JolietDirectories.Sum(d => PathTableRecordLength(d.Parent is null ? 1 : 2 * d.Name.Length));
    }

    private void BuildEntries()
    {
        foreach (var dir in IsoDirectories)
        {
            var parent = dir.Parent ?? dir; // ECMA-119 6.8.2.2: the root's ".." is the root itself
            var self = new List<byte[]>();
            if (dir.Parent is null)
            {
                self.Add(SuspEntries.SharingProtocol()); // SUSP 1.12 5.3: SP first in the root's "." record
            }

            self.Add(SuspEntries.PosixAttributes(dir));
            self.Add(SuspEntries.Timestamps(Timestamp));
            if (dir.Parent is null)
            {
                self.Add(SuspEntries.ExtensionsReference()); // SUSP 1.12 5.5: ER in the root's "." record (or its CE)
            }

            var entries = new List<DirectoryEntry>
            {
                Entry([0x00], dir, self),
                Entry([0x01], parent, [SuspEntries.PosixAttributes(parent), SuspEntries.Timestamps(Timestamp)]),
            };
            foreach (var child in dir.IsoOrder)
            {
                // ECMA-119 9.3: the records of a file's sections follow each other in section order. Each carries
                // the same PX, TF and NM, as libisofs writes them, so a reader may take the name from any of them.
                for (var section = 0; section < RecordCount(child); section++)
                {
                    entries.Add(Entry(Encoding.ASCII.GetBytes(child.IsoIdentifier), child,
                        [SuspEntries.PosixAttributes(child), SuspEntries.Timestamps(Timestamp), SuspEntries.AlternateName(child.Name)],
                        section));
                }
            }

            IsoEntries[dir] = entries;
            dir.IsoSize = ExtentSize(entries);

            var joliet = new List<DirectoryEntry>
            {
                new([0x00], dir, true, null),
                new([0x01], parent, true, null),
            };
            joliet.AddRange(dir.JolietOrder.SelectMany(c => Enumerable.Range(0, RecordCount(c))
                .Select(section => new DirectoryEntry(JolietIdentifier(c.Name), c, true, null, section))));
            JolietEntries[dir] = joliet;
            dir.JolietSize = ExtentSize(joliet);
        }
    }

    private static DirectoryEntry Entry(byte[] identifier, TreeNode target, List<byte[]> susp, int section = 0) =>
        new(identifier, target, false,
            SystemUseField.Split(susp, byte.MaxValue - DirectoryEntry.FixedLength(identifier.Length)), section);

    // One record per file section; a directory or an empty file has one record.
    private static int RecordCount(TreeNode node) => node.IsDirectory ? 1 : Math.Max(1, node.Sections.Count);

    // ECMA-119 6.8.1.1: a directory record never spans a block boundary; the extent is whole blocks.
    private static uint ExtentSize(List<DirectoryEntry> entries)
    {
        var position = 0;
        foreach (var e in entries)
        {
            if (position % BlockSize + e.Length > BlockSize)
            {
                position = (position / BlockSize + 1) * BlockSize;
            }

            position += e.Length;
        }

        return (uint)(Blocks(position) * BlockSize);
    }

    // SUSP 1.12 5.1: each continuation area lies inside one block; areas are packed in record order.
    private long PlaceContinuations(long next)
    {
        var first = next;
        var offset = 0;
        foreach (var field in IsoDirectories.SelectMany(d => IsoEntries[d]).Select(e => e.SystemUse!).Where(f => f.Spilled.Count > 0))
        {
            if (offset + field.SpilledLength > BlockSize)
            {
                next++;
                offset = 0;
            }

            field.ContinuationBlock = (uint)next;
            field.ContinuationOffset = (uint)offset;
            offset += field.SpilledLength;
            Continuations.Add(field);
        }

        var end = Continuations.Count == 0 ? first : next + 1;
        ContinuationBlocks = ((uint)first, (uint)(end - first));
        return end;
    }
}

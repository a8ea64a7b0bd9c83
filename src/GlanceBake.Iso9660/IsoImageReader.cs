using System.Buffers.Binary;
using System.Text;

namespace GlanceBake.Iso9660;

/// <summary>
/// Reads any ISO 9660 image (ours, genisoimage's, xorriso's): the volume descriptor set (ECMA-119 8.1-8.5), the
/// Joliet supplementary descriptor (escape sequences %/@, %/C, %/E in ECMA-119 8.5.6), the directory trees
/// (ECMA-119 6.8, 9.1, multi-extent files summed), SUSP 1.12 (SP, CE, ER, ST) and Rock Ridge RRIP 1.12 (NM, PX).
/// Reads sectors on demand from a seekable stream; nothing is loaded whole. Structural faults throw
/// <see cref="InvalidDataException"/>.
/// </summary>
public sealed class IsoImageReader
{
    /// <summary>ECMA-119 6.1.2: logical sector size used by every image this reads.</summary>
    public const int SectorSize = 2048;

    private const int MaxDepth = 64;
    private const int MaxEntries = 100_000;
    private readonly Stream _stream;
    private readonly List<IsoVolumeDescriptor> _descriptors = [];
    private readonly byte[] _primaryRoot;
    private readonly byte[]? _jolietRoot;
    private readonly int _suspSkip;

    /// <summary>Reads the descriptor set and the root's SUSP entries of <paramref name="stream"/>.</summary>
    /// <param name="stream">A readable, seekable stream over the image; the caller keeps ownership.</param>
    /// <exception cref="InvalidDataException">No ISO 9660 descriptor set, or no primary volume descriptor.</exception>
    public IsoImageReader(Stream stream)
    {
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("the image stream must be readable and seekable", nameof(stream));
        }

        _stream = stream;
        byte[]? primaryRoot = null;
        // ECMA-119 6.7.1: the volume descriptor set starts at logical sector 16 and ends with a terminator (8.3).
        for (long sector = 16; ; sector++)
        {
            if (sector > 16 + 64)
            {
                throw new InvalidDataException("the volume descriptor set has no terminator within 64 descriptors");
            }

            var d = ReadSectors(sector, 1);
            if (Encoding.ASCII.GetString(d, 1, 5) != "CD001")
            {
                throw new InvalidDataException(sector == 16
                    ? "not an ISO 9660 image (no 'CD001' volume descriptor at sector 16)"
                    : $"volume descriptor at sector {sector} lacks 'CD001' before a terminator");
            }

            var type = d[0];
            switch (type)
            {
                case 1:
                    // ECMA-119 8.4.6 volume identifier (BP 41-72), 8.4.18 root directory record (BP 157-190).
                    _descriptors.Add(new(sector, 1, Encoding.ASCII.GetString(d, 40, 32).TrimEnd(' ', '\0'), null));
                    primaryRoot ??= d[156..190];
                    break;
                case 2:
                    var level = JolietLevel(d);
                    var id = level is null
                        ? Encoding.ASCII.GetString(d, 40, 32).TrimEnd(' ', '\0')
                        : Encoding.BigEndianUnicode.GetString(d, 40, 32).TrimEnd(' ', '\0');
                    _descriptors.Add(new(sector, 2, id, level));
                    if (level is not null && _jolietRoot is null)
                    {
                        _jolietRoot = d[156..190];
                    }

                    break;
                default:
                    _descriptors.Add(new(sector, type, "", null));
                    break;
            }

            if (type == 255)
            {
                break;
            }
        }

        _primaryRoot = primaryRoot ?? throw new InvalidDataException("no primary volume descriptor (ECMA-119 8.4)");
        (RockRidge, _suspSkip) = ReadRootSusp();
    }

    /// <summary>The descriptor set in sector order, terminator included.</summary>
    public IReadOnlyList<IsoVolumeDescriptor> Descriptors => _descriptors;

    /// <summary>The primary volume descriptor's volume identifier (the label blkid reports without Joliet).</summary>
    public string VolumeLabel => _descriptors.First(d => d.Type == 1).VolumeIdentifier;

    /// <summary>The Joliet level (1-3) of the first Joliet descriptor, or null when the image has none.</summary>
    public int? JolietLevel() => _descriptors.FirstOrDefault(d => d.JolietLevel is not null)?.JolietLevel;

    /// <summary>The Rock Ridge extension identifier from the root's ER entry (RRIP_1991A, IEEE_P1282, IEEE_1282),
    /// "RRIP" when SUSP is in use with Rock Ridge entries but no ER, or null when the image has no Rock Ridge.</summary>
    public string? RockRidge { get; }

    /// <summary>Every file and directory of a tree, depth first, sorted by path.</summary>
    /// <param name="naming">Which names: <see cref="IsoNaming.RockRidge"/> needs <see cref="RockRidge"/>, and
    /// <see cref="IsoNaming.Joliet"/> a Joliet descriptor.</param>
    /// <exception cref="InvalidOperationException">The image has no such tree.</exception>
    /// <exception cref="InvalidDataException">A directory record is malformed or points outside the image.</exception>
    public IReadOnlyList<IsoFile> Files(IsoNaming naming)
    {
        var root = naming switch
        {
            IsoNaming.Joliet => _jolietRoot ?? throw new InvalidOperationException("the image has no Joliet tree"),
            IsoNaming.RockRidge when RockRidge is null => throw new InvalidOperationException("the image has no Rock Ridge"),
            _ => _primaryRoot,
        };
        var files = new List<IsoFile>();
        Walk(Record.Parse(root, 0), "", naming, files, new HashSet<long>(), 0);
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>Up to <paramref name="maxBytes"/> bytes of a file's data, across its extents.</summary>
    public byte[] ReadFile(IsoFile file, int maxBytes)
    {
        var result = new MemoryStream();
        foreach (var extent in file.Extents)
        {
            var want = (int)Math.Min(extent.Length, maxBytes - result.Length);
            if (want <= 0)
            {
                break;
            }

            result.Write(ReadBytes(extent.Sector * SectorSize, want));
        }

        return result.ToArray();
    }

    /// <summary>ECMA-119 8.5.6 escape sequences: Joliet levels 1, 2, 3 are "%/@", "%/C", "%/E" at BP 89.</summary>
    private static int? JolietLevel(byte[] d) => d[88] == 0x25 && d[89] == 0x2F
        ? d[90] switch { 0x40 => 1, 0x43 => 2, 0x45 => 3, _ => null }
        : null;

    /// <summary>SUSP 1.12 5.3: SP is the first entry of the root's "." record; its ER (5.5) names the extension.</summary>
    private (string? RockRidge, int Skip) ReadRootSusp()
    {
        var root = Record.Parse(_primaryRoot, 0);
        var dir = ReadBytes(root.Extent * SectorSize, (int)Math.Min(root.Length, SectorSize));
        var dot = Record.Parse(dir, 0);
        var su = dot.SystemUse(dir, 0);
        if (su.Length < 7 || su[0] != 'S' || su[1] != 'P' || su[4] != 0xBE || su[5] != 0xEF)
        {
            return (null, 0);
        }

        var skip = su[6];
        string? er = null;
        var rripEntries = false;
        foreach (var (sig, e) in Entries(su, 0))
        {
            if (sig == "ER" && e.Length >= 8)
            {
                // SUSP 1.12 5.5: BP5 LEN_ID, BP6 LEN_DES, BP7 LEN_SRC, BP8 EXT_VER, BP9.. identifier.
                var id = Encoding.ASCII.GetString(e, 8, Math.Min(e[4], e.Length - 8));
                if (id is "RRIP_1991A" or "IEEE_P1282" or "IEEE_1282")
                {
                    er = id;
                }
            }

            rripEntries |= sig is "PX" or "NM" or "RR" or "TF";
        }

        return (er ?? (rripEntries ? "RRIP" : null), skip);
    }

    private void Walk(Record dir, string path, IsoNaming naming, List<IsoFile> files, HashSet<long> seen, int depth)
    {
        if (depth > MaxDepth || !seen.Add(dir.Extent))
        {
            throw new InvalidDataException($"directory '{path}' nests too deep or loops back");
        }

        var data = ReadBytes(dir.Extent * SectorSize, (int)Math.Min(dir.Length, 64L * 1024 * 1024));
        var pending = new List<Record>();
        for (var at = 0; at < data.Length;)
        {
            // ECMA-119 6.8.1.1: a record does not cross a sector; a zero length byte means "next sector".
            if (data[at] == 0)
            {
                at = (at / SectorSize + 1) * SectorSize;
                continue;
            }

            var r = Record.Parse(data, at);
            var recordAt = at;
            at += r.RecordLength;
            if (r.IsSelfOrParent)
            {
                continue;
            }

            if (files.Count > MaxEntries)
            {
                throw new InvalidDataException($"more than {MaxEntries} directory records");
            }

            pending.Add(r with { Name = NameOf(r, data, recordAt, naming), Mode = naming == IsoNaming.RockRidge ? ModeOf(data, r, recordAt) : null });
            // ECMA-119 9.1.6 bit 7: more records of this file follow (multi-extent).
            if (r.MultiExtent)
            {
                continue;
            }

            var first = pending[0];
            var childPath = path.Length == 0 ? first.Name : $"{path}/{first.Name}";
            var extents = pending.Select(p => new IsoExtent(p.Extent, p.Length)).ToList();
            pending.Clear();
            if (first.IsDirectory)
            {
                files.Add(new IsoFile(childPath, true, 0, first.Mode, extents));
                Walk(first, childPath, naming, files, seen, depth + 1);
            }
            else
            {
                files.Add(new IsoFile(childPath, false, extents.Sum(e => e.Length), first.Mode, extents));
            }
        }

        if (pending.Count > 0)
        {
            throw new InvalidDataException($"directory '{path}' ends inside a multi-extent file");
        }
    }

    private string NameOf(Record r, byte[] dir, int at, IsoNaming naming)
    {
        string name;
        if (naming == IsoNaming.RockRidge)
        {
            // RRIP 1.12 4.1.4 NM: BP5 flags (bit 0 CONTINUE), BP6.. name content; several NM entries concatenate.
            var nm = new StringBuilder();
            var found = false;
            foreach (var (sig, e) in Entries(r.SystemUse(dir, at), _suspSkip))
            {
                if (sig == "NM" && e.Length >= 5 && (e[4] & 0x06) == 0)
                {
                    nm.Append(Encoding.UTF8.GetString(e, 5, e.Length - 5));
                    found = true;
                }
            }

            if (found)
            {
                return Checked(nm.ToString());
            }
        }

        var raw = r.Identifier(dir, at);
        if (naming == IsoNaming.Joliet)
        {
            name = Encoding.BigEndianUnicode.GetString(raw);
        }
        else
        {
            name = Encoding.ASCII.GetString(raw);
        }

        // ECMA-119 7.5.1: "NAME.EXT;VERSION"; a name without extension keeps its separator dot.
        var semicolon = name.LastIndexOf(';');
        if (semicolon >= 0)
        {
            name = name[..semicolon];
        }

        if (name.EndsWith('.') && !r.IsDirectory)
        {
            name = name[..^1];
        }

        return Checked(name);
    }

    private static string Checked(string name) =>
        name.Length == 0 || name is "." or ".." || name.Contains('/') || name.Contains('\0')
            ? throw new InvalidDataException($"a directory record holds the unusable name '{name}'")
            : name;

    private int? ModeOf(byte[] dir, Record r, int at)
    {
        foreach (var (sig, e) in Entries(r.SystemUse(dir, at), _suspSkip))
        {
            // RRIP 1.12 4.1.1 PX: BP5-12 POSIX file mode, both-endian.
            if (sig == "PX" && e.Length >= 12)
            {
                return (int)BinaryPrimitives.ReadUInt32LittleEndian(e.AsSpan(4));
            }
        }

        return null;
    }

    /// <summary>The System Use entries of one field, following CE continuation areas (SUSP 1.12 5.1) and stopping at
    /// ST (5.4); each entry as its signature and bytes (header included).</summary>
    private List<(string Signature, byte[] Entry)> Entries(byte[] su, int skip)
    {
        var entries = new List<(string, byte[])>();
        var area = su;
        var at = skip;
        for (var hops = 0; hops < 32; hops++)
        {
            (long Block, long Offset, int Length)? next = null;
            while (at + 4 <= area.Length)
            {
                var len = area[at + 2];
                if (len < 4 || at + len > area.Length)
                {
                    break;
                }

                var sig = Encoding.ASCII.GetString(area, at, 2);
                var entry = area[at..(at + len)];
                if (sig == "ST")
                {
                    return entries;
                }

                if (sig == "CE" && len >= 28)
                {
                    // SUSP 1.12 5.1: BP5-12 block, BP13-20 offset, BP21-28 length, each both-endian.
                    next = (BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(4)),
                        BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(12)),
                        (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(20)), SectorSize));
                }
                else
                {
                    entries.Add((sig, entry));
                }

                at += len;
            }

            if (next is not { } ce)
            {
                break;
            }

            area = ReadBytes(ce.Block * SectorSize + ce.Offset, ce.Length);
            at = 0;
        }

        return entries;
    }

    private byte[] ReadSectors(long sector, int count) => ReadBytes(sector * SectorSize, count * SectorSize);

    private byte[] ReadBytes(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > _stream.Length)
        {
            throw new InvalidDataException($"the image is truncated or a record points outside it (byte {offset}, {count} bytes; image is {_stream.Length} bytes)");
        }

        var buffer = new byte[count];
        _stream.Position = offset;
        _stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>ECMA-119 9.1 directory record fields this reader uses.</summary>
    private sealed record Record(int RecordLength, long Extent, long Length, byte Flags, int NameLength)
    {
        public string Name { get; init; } = "";

        public int? Mode { get; init; }

        public bool IsDirectory => (Flags & 0x02) != 0;

        public bool MultiExtent => (Flags & 0x80) != 0;

        /// <summary>ECMA-119 6.8.2.2: the identifiers 0x00 and 0x01 are "." and "..".</summary>
        public bool IsSelfOrParent { get; init; }

        public static Record Parse(byte[] b, int at)
        {
            // ECMA-119 9.1.1 BP1 length, 9.1.3 BP3-10 extent, 9.1.4 BP11-18 data length, 9.1.6 BP26 flags,
            // 9.1.10 BP33 identifier length.
            var len = b[at];
            if (len < 34 || at + len > b.Length || 33 + b[at + 32] > len)
            {
                throw new InvalidDataException($"malformed directory record (length {len} at byte {at})");
            }

            var nameLength = b[at + 32];
            return new Record(len, BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at + 2)),
                BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at + 10)), b[at + 25], nameLength)
            {
                IsSelfOrParent = nameLength == 1 && b[at + 33] is 0 or 1,
            };
        }

        public byte[] Identifier(byte[] b, int at) => b[(at + 33)..(at + 33 + NameLength)];

        /// <summary>ECMA-119 9.1.12-13: a padding byte follows an even-length identifier, then the System Use field.</summary>
        public byte[] SystemUse(byte[] b, int at)
        {
            var start = at + 33 + NameLength + (NameLength % 2 == 0 ? 1 : 0);
            return start < at + RecordLength ? b[start..(at + RecordLength)] : [];
        }
    }
}

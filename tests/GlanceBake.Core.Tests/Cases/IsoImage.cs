using System.Buffers.Binary;
using System.Text;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>
/// A small, independent ISO 9660 reader for the cases: volume descriptors (ECMA-119 8), directory records (9.1),
/// path tables (9.4), SUSP/Rock Ridge system use entries (SUSP 1.12, RRIP 1.12) and Joliet names (UCS-2 BE).
/// </summary>
internal sealed class IsoImage(byte[] bytes)
{
    public const int SectorSize = 2048;

    public byte[] Bytes { get; } = bytes;

    /// <summary>Offset of the primary volume descriptor (type 1).</summary>
    public int Pvd => Descriptor(d => Bytes[d] == 1) ?? throw new InvalidDataException("no primary volume descriptor");

    /// <summary>Offset of the Joliet supplementary descriptor (type 2, escape %/@, %/C or %/E).</summary>
    public int Joliet => Descriptor(d => Bytes[d] == 2 && Bytes[d + 88] == 0x25 && Bytes[d + 89] == 0x2F
        && Bytes[d + 90] is 0x40 or 0x43 or 0x45) ?? throw new InvalidDataException("no Joliet descriptor");

    private int? Descriptor(Func<int, bool> match)
    {
        for (var lba = 16; (lba + 1) * SectorSize <= Bytes.Length; lba++)
        {
            var d = lba * SectorSize;
            if (Encoding.ASCII.GetString(Bytes, d + 1, 5) != "CD001")
            {
                return null;
            }

            if (match(d))
            {
                return d;
            }

            if (Bytes[d] == 255)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The 32-byte volume identifier field of a descriptor (ECMA-119 8.4.6).</summary>
    public byte[] VolumeIdentifier(int descriptor) => Bytes[(descriptor + 40)..(descriptor + 72)];

    /// <summary>The four path table locations of a descriptor: L, optional L, M, optional M (ECMA-119 8.4.14-17).</summary>
    public (int Size, uint L, uint OptL, uint M, uint OptM) PathTables(int d) =>
        ((int)BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(d + 132)),
            BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(d + 140)),
            BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(d + 144)),
            BinaryPrimitives.ReadUInt32BigEndian(Bytes.AsSpan(d + 148)),
            BinaryPrimitives.ReadUInt32BigEndian(Bytes.AsSpan(d + 152)));

    /// <summary>The first record of a path table: its identifier length and identifier bytes.</summary>
    public (int Length, byte[] Identifier, uint Extent) FirstPathTableRecord(uint lba, bool bigEndian)
    {
        var o = (int)lba * SectorSize;
        var len = Bytes[o];
        var extent = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(Bytes.AsSpan(o + 2))
            : BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(o + 2));
        return (len, Bytes[(o + 8)..(o + 8 + len)], extent);
    }

    /// <summary>The root directory record (34 bytes at offset 156 of a descriptor).</summary>
    public DirRecord Root(int descriptor) => DirRecord.At(Bytes, descriptor + 156);

    /// <summary>Every record of a directory, in order, including "." and "..".</summary>
    public List<DirRecord> Children(DirRecord dir)
    {
        var list = new List<DirRecord>();
        var start = (int)dir.Extent * SectorSize;
        var end = start + (int)dir.DataLength;
        var o = start;
        while (o < end)
        {
            if (Bytes[o] == 0)
            {
                o = ((o / SectorSize) + 1) * SectorSize;
                continue;
            }

            var r = DirRecord.At(Bytes, o);
            list.Add(r);
            o += r.Length;
        }

        return list;
    }

    /// <summary>SUSP entries of a record, following CE continuation areas.</summary>
    public List<(string Sig, byte[] Entry)> Susp(DirRecord r, int skip = 0)
    {
        var entries = new List<(string, byte[])>();
        var area = r.SystemUse;
        var offset = skip;
        for (var hops = 0; hops < 16; hops++)
        {
            (int Block, int Off, int Len)? next = null;
            while (offset + 4 <= area.Length)
            {
                var len = area[offset + 2];
                if (len < 4 || offset + len > area.Length)
                {
                    break;
                }

                var entry = area[offset..(offset + len)];
                var sig = Encoding.ASCII.GetString(entry, 0, 2);
                entries.Add((sig, entry));
                if (sig == "CE")
                {
                    next = ((int)BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(4)),
                        (int)BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(12)),
                        (int)BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(20)));
                }

                if (sig == "ST")
                {
                    break;
                }

                offset += len;
            }

            if (next is not { } n)
            {
                break;
            }

            var at = n.Block * SectorSize + n.Off;
            area = Bytes[at..(at + n.Len)];
            offset = 0;
        }

        return entries;
    }

    /// <summary>The Rock Ridge name of a record (concatenated NM entries), or null.</summary>
    public string? RockRidgeName(DirRecord r)
    {
        var parts = Susp(r).Where(e => e.Sig == "NM").Select(e => Encoding.UTF8.GetString(e.Entry, 5, e.Entry.Length - 5));
        var name = string.Concat(parts);
        return name.Length == 0 ? null : name;
    }

    /// <summary>The Rock Ridge PX mode of a record, or null.</summary>
    public uint? RockRidgeMode(DirRecord r) => Susp(r).Where(e => e.Sig == "PX")
        .Select(e => (uint?)BinaryPrimitives.ReadUInt32LittleEndian(e.Entry.AsSpan(4))).FirstOrDefault();

    /// <summary>Rock Ridge names of the root's entries (without "." and "..").</summary>
    public List<string> RockRidgeRootNames() =>
        [.. Children(Root(Pvd)).Skip(2).Select(r => RockRidgeName(r) ?? "<no NM>")];

    /// <summary>Joliet names of the root's entries, without a ";1" version.</summary>
    public List<string> JolietRootNames() =>
        [.. Children(Root(Joliet)).Skip(2).Select(r => JolietName(r))];

    public static string JolietName(DirRecord r)
    {
        var name = Encoding.BigEndianUnicode.GetString(r.Identifier);
        var semi = name.IndexOf(';');
        return semi >= 0 ? name[..semi] : name;
    }

    /// <summary>The content of a root file found by its Rock Ridge name.</summary>
    public byte[] ReadRockRidgeFile(string name)
    {
        var r = Children(Root(Pvd)).Skip(2).Single(c => RockRidgeName(c) == name);
        var o = (int)r.Extent * SectorSize;
        return Bytes[o..(o + (int)r.DataLength)];
    }
}

/// <summary>One directory record (ECMA-119 9.1).</summary>
internal sealed record DirRecord(int Length, uint Extent, uint DataLength, byte Flags, byte[] Identifier, byte[] SystemUse)
{
    public bool IsDirectory => (Flags & 2) != 0;

    public static DirRecord At(byte[] b, int o)
    {
        var len = b[o];
        var idLen = b[o + 32];
        var suStart = 33 + idLen + (idLen % 2 == 0 ? 1 : 0);
        return new DirRecord(len,
            BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(o + 2)),
            BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(o + 10)),
            b[o + 25],
            b[(o + 33)..(o + 33 + idLen)],
            suStart < len ? b[(o + suStart)..(o + len)] : []);
    }
}

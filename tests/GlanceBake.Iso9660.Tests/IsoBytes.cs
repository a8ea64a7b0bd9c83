using System.Buffers.Binary;
using System.Text;

namespace GlanceBake.Iso9660.Tests;

/// <summary>Minimal independent decoding of the fields the byte-level tests look at.</summary>
public static class IsoBytes
{
    public const int BlockSize = 2048;
    public const int PrimaryOffset = 16 * BlockSize;
    public const int JolietOffset = 17 * BlockSize;

    /// <summary>ECMA-119 8.4.8: volume space size, checking both byte orders agree.</summary>
    public static uint VolumeSpaceSize(byte[] image)
    {
        var le = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(PrimaryOffset + 80));
        var be = BinaryPrimitives.ReadUInt32BigEndian(image.AsSpan(PrimaryOffset + 84));
        Assert.Equal(le, be);
        return le;
    }

    /// <summary>Generic check: the image is exactly volume space size * 2048 bytes long.</summary>
    public static void AssertSizeMatchesVolumeSpace(byte[] image) =>
        Assert.Equal((long)VolumeSpaceSize(image) * BlockSize, image.LongLength);

    /// <summary>The first path table record of the L (or M) table of the descriptor at <paramref name="vdOffset"/>.</summary>
    public static (int Length, byte[] Identifier, uint Extent, ushort Parent) FirstPathTableRecord(byte[] image, int vdOffset, bool typeM)
    {
        var block = typeM
            ? BinaryPrimitives.ReadUInt32BigEndian(image.AsSpan(vdOffset + 148))
            : BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(vdOffset + 140));
        var record = image.AsSpan((int)block * BlockSize);
        int length = record[0];
        var extent = typeM ? BinaryPrimitives.ReadUInt32BigEndian(record[2..]) : BinaryPrimitives.ReadUInt32LittleEndian(record[2..]);
        var parent = typeM ? BinaryPrimitives.ReadUInt16BigEndian(record[6..]) : BinaryPrimitives.ReadUInt16LittleEndian(record[6..]);
        return (length, record.Slice(8, length).ToArray(), extent, parent);
    }

    /// <summary>Extent of the root directory from the descriptor's root directory record (ECMA-119 8.4.18, 9.1.3).</summary>
    public static uint RootExtent(byte[] image, int vdOffset) =>
        BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(vdOffset + 156 + 2));

    /// <summary>
    /// SUSP entries (signature, bytes) of the primary root's "." record, in order, following CE entries into
    /// their continuation areas (SUSP 1.12 5.1).
    /// </summary>
    public static List<(string Signature, byte[] Entry)> RootDotSystemUse(byte[] image)
    {
        var offset = (int)RootExtent(image, PrimaryOffset) * BlockSize;
        int recordLength = image[offset];
        int identifierLength = image[offset + 32];
        var start = 33 + identifierLength + (identifierLength % 2 == 0 ? 1 : 0);
        var entries = new List<(string, byte[])>();
        Walk(image, offset + start, recordLength - start, entries);
        return entries;
    }

    private static void Walk(byte[] image, int at, int length, List<(string, byte[])> entries)
    {
        var end = at + length;
        while (end - at >= 4 && image[at + 2] >= 4)
        {
            var signature = Encoding.ASCII.GetString(image, at, 2);
            var entry = image.AsSpan(at, image[at + 2]).ToArray();
            entries.Add((signature, entry));
            if (signature == "CE")
            {
                var block = BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(4));
                var offset = BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(12));
                var size = BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(20));
                Walk(image, (int)(block * BlockSize + offset), (int)size, entries);
            }

            at += entry.Length;
        }
    }
}

using System.Buffers.Binary;

namespace GlanceBake.Iso9660;

/// <summary>
/// The numeric field encodings of ECMA-119 7.2 and 7.3, each written at a given offset of a span.
/// SUSP and RRIP numeric fields use the same both-byte-order encodings (SUSP 1.12 section 4, RRIP 1.12 section 4).
/// </summary>
internal static class BothEndian
{
    /// <summary>ECMA-119 7.2.3: 16-bit number, little-endian then big-endian (4 bytes).</summary>
    public static void WriteUInt16(Span<byte> target, int offset, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(target.Slice(offset, 2), value);
        BinaryPrimitives.WriteUInt16BigEndian(target.Slice(offset + 2, 2), value);
    }

    /// <summary>ECMA-119 7.3.3: 32-bit number, little-endian then big-endian (8 bytes).</summary>
    public static void WriteUInt32(Span<byte> target, int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(target.Slice(offset, 4), value);
        BinaryPrimitives.WriteUInt32BigEndian(target.Slice(offset + 4, 4), value);
    }

    /// <summary>ECMA-119 7.3.1: 32-bit little-endian number (type L path table fields).</summary>
    public static void WriteUInt32Little(Span<byte> target, int offset, uint value) =>
        BinaryPrimitives.WriteUInt32LittleEndian(target.Slice(offset, 4), value);

    /// <summary>ECMA-119 7.3.2: 32-bit big-endian number (type M path table fields).</summary>
    public static void WriteUInt32Big(Span<byte> target, int offset, uint value) =>
        BinaryPrimitives.WriteUInt32BigEndian(target.Slice(offset, 4), value);

    /// <summary>ECMA-119 7.2.1: 16-bit little-endian number.</summary>
    public static void WriteUInt16Little(Span<byte> target, int offset, ushort value) =>
        BinaryPrimitives.WriteUInt16LittleEndian(target.Slice(offset, 2), value);

    /// <summary>ECMA-119 7.2.2: 16-bit big-endian number.</summary>
    public static void WriteUInt16Big(Span<byte> target, int offset, ushort value) =>
        BinaryPrimitives.WriteUInt16BigEndian(target.Slice(offset, 2), value);
}

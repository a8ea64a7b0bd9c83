using System.Text;

namespace GlanceBake.Iso9660;

/// <summary>
/// The volume descriptor set: the Primary Volume Descriptor (ECMA-119 8.4), the Joliet Supplementary Volume
/// Descriptor (ECMA-119 8.5 with the Joliet escape sequences) and the set terminator (ECMA-119 8.3).
/// </summary>
internal static class VolumeDescriptors
{
    /// <summary>ECMA-119 8.4.5: system identifier (a-characters).</summary>
    public const string SystemIdentifier = "LINUX";

    /// <summary>ECMA-119 8.4.22: application identifier (a-characters).</summary>
    public const string ApplicationIdentifier = "GLANCEBAKE";

    /// <summary>Joliet: escape sequence "%/E" announces UCS-2 level 3 (ECMA-119 8.5.6 escape sequences field).</summary>
    public static readonly byte[] JolietEscapes = "%/E"u8.ToArray();

    /// <summary>Writes the PVD (type 1) into a 2048-byte block.</summary>
    public static void WritePrimary(Span<byte> block, ImageLayout layout, string volumeIdentifier) =>
        Write(block, layout, volumeIdentifier, joliet: false);

    /// <summary>Writes the Joliet SVD (type 2) into a 2048-byte block.</summary>
    public static void WriteJoliet(Span<byte> block, ImageLayout layout, string volumeIdentifier) =>
        Write(block, layout, volumeIdentifier, joliet: true);

    /// <summary>ECMA-119 8.3: Volume Descriptor Set Terminator into a 2048-byte block.</summary>
    public static void WriteTerminator(Span<byte> block)
    {
        block[0] = 255;                    // ECMA-119 8.3.1: volume descriptor type 255
        "CD001"u8.CopyTo(block[1..]);      // ECMA-119 8.3.2: standard identifier
        block[6] = 1;                      // ECMA-119 8.3.3: volume descriptor version
    }

    private static void Write(Span<byte> b, ImageLayout layout, string volumeIdentifier, bool joliet)
    {
        b[0] = (byte)(joliet ? 2 : 1);     // ECMA-119 8.4.1 / 8.5.1: descriptor type (1 primary, 2 supplementary)
        "CD001"u8.CopyTo(b[1..]);          // ECMA-119 8.4.2: standard identifier
        b[6] = 1;                          // ECMA-119 8.4.3: volume descriptor version
        b[7] = 0;                          // ECMA-119 8.4.4 / 8.5.3: unused / volume flags (escapes are ISO 2375)
        Text(b, 8, 32, SystemIdentifier, joliet);        // ECMA-119 8.4.5: system identifier
        Text(b, 40, 32, volumeIdentifier, joliet);       // ECMA-119 8.4.6: volume identifier
        BothEndian.WriteUInt32(b, 80, layout.VolumeSpaceSize); // ECMA-119 8.4.8: volume space size
        if (joliet)
        {
            JolietEscapes.CopyTo(b[88..]); // ECMA-119 8.5.6: escape sequences (Joliet UCS-2 level 3)
        }

        BothEndian.WriteUInt16(b, 120, 1);                  // ECMA-119 8.4.10: volume set size
        BothEndian.WriteUInt16(b, 124, 1);                  // ECMA-119 8.4.11: volume sequence number
        BothEndian.WriteUInt16(b, 128, ImageLayout.BlockSize); // ECMA-119 8.4.12: logical block size
        var first = joliet ? 2 : 0;
        BothEndian.WriteUInt32(b, 132, joliet ? layout.JolietPathTableSize : layout.IsoPathTableSize); // ECMA-119 8.4.13
        BothEndian.WriteUInt32Little(b, 140, layout.PathTableBlocks[first]);  // ECMA-119 8.4.14: type L path table
        BothEndian.WriteUInt32Little(b, 144, 0);                               // ECMA-119 8.4.15: optional L (none)
        BothEndian.WriteUInt32Big(b, 148, layout.PathTableBlocks[first + 1]); // ECMA-119 8.4.16: type M path table
        BothEndian.WriteUInt32Big(b, 152, 0);                                  // ECMA-119 8.4.17: optional M (none)
        new DirectoryEntry([0x00], layout.Root, joliet, null).Write(b[156..190], layout.Timestamp); // ECMA-119 8.4.18
        Text(b, 190, 128, "", joliet);                      // ECMA-119 8.4.19: volume set identifier
        Text(b, 318, 128, "", joliet);                      // ECMA-119 8.4.20: publisher identifier
        Text(b, 446, 128, "", joliet);                      // ECMA-119 8.4.21: data preparer identifier
        Text(b, 574, 128, ApplicationIdentifier, joliet);   // ECMA-119 8.4.22: application identifier
        Text(b, 702, 37, "", joliet);                       // ECMA-119 8.4.23: copyright file identifier
        Text(b, 739, 37, "", joliet);                       // ECMA-119 8.4.24: abstract file identifier
        Text(b, 776, 37, "", joliet);                       // ECMA-119 8.4.25: bibliographic file identifier
        IsoTimestamp.WriteVolumeDate(b, 813, layout.Timestamp); // ECMA-119 8.4.26: creation date and time
        IsoTimestamp.WriteVolumeDate(b, 830, layout.Timestamp); // ECMA-119 8.4.27: modification date and time
        IsoTimestamp.WriteVolumeDate(b, 847, null);             // ECMA-119 8.4.28: expiration (not specified)
        IsoTimestamp.WriteVolumeDate(b, 864, layout.Timestamp); // ECMA-119 8.4.29: effective date and time
        b[881] = 1;                                         // ECMA-119 8.4.30: file structure version
        // ECMA-119 8.4.31-8.4.33: reserved byte, application use (512) and reserved (653) stay zero.
    }

    // ECMA-119 8.4.5 etc.: a-/d-character fields are padded with spaces; Joliet fields hold UCS-2 BE padded with
    // UCS-2 spaces (0x00 0x20), odd-sized fields ending in one 0x00 byte. Joliet text longer than the field is cut.
    private static void Text(Span<byte> b, int offset, int size, string value, bool joliet)
    {
        var field = b.Slice(offset, size);
        if (!joliet)
        {
            field.Fill(0x20);
            Encoding.ASCII.GetBytes(value, field);
            return;
        }

        for (var i = 0; i + 1 < size; i += 2)
        {
            var ch = i / 2 < value.Length ? value[i / 2] : ' ';
            field[i] = (byte)(ch >> 8);
            field[i + 1] = (byte)ch;
        }

        if (size % 2 == 1)
        {
            field[size - 1] = 0;
        }
    }
}

namespace GlanceBake.Iso9660;

/// <summary>One directory record to write in a directory extent (ECMA-119 9.1).</summary>
/// <param name="Identifier">File identifier bytes: 0x00 for ".", 0x01 for "..", d-characters or UCS-2 BE otherwise.</param>
/// <param name="Target">The file or directory the record describes.</param>
/// <param name="Joliet">True in the Joliet tree (extent and size come from the Joliet fields of directories).</param>
/// <param name="SystemUse">SUSP entries (primary tree only); null in the Joliet tree.</param>
/// <param name="Section">For a file: which of its file sections (0-based, in order) this record describes.</param>
internal sealed record DirectoryEntry(byte[] Identifier, TreeNode Target, bool Joliet, SystemUseField? SystemUse, int Section = 0)
{
    /// <summary>ECMA-119 9.1.6 file flags bit 1: Directory.</summary>
    private const byte DirectoryFlag = 0x02;

    /// <summary>
    /// ECMA-119 9.1.6 file flags bit 7: Multi-Extent, "this is not the final Directory Record for the file";
    /// the next record of the directory describes the file's next section (allowed from interchange level 3, ECMA-119 10.3).
    /// </summary>
    private const byte MultiExtentFlag = 0x80;

    /// <summary>ECMA-119 9.1: 33 fixed bytes, the identifier, a pad byte when its length is even, the System Use field.</summary>
    public int Length => FixedLength(Identifier.Length) + (SystemUse?.InlineLength ?? 0);

    /// <summary>Bytes before the System Use field for an identifier of <paramref name="identifierLength"/> bytes.</summary>
    public static int FixedLength(int identifierLength) => 33 + identifierLength + (identifierLength % 2 == 0 ? 1 : 0);

    /// <summary>Writes the record at the start of <paramref name="target"/>.</summary>
    public void Write(Span<byte> target, DateTimeOffset timestamp)
    {
        var (block, size, flags) = Target.IsDirectory
            ? (Joliet ? Target.JolietBlock : Target.IsoBlock, Joliet ? Target.JolietSize : Target.IsoSize, DirectoryFlag)
            : FileSection();
        target[0] = (byte)Length;                                  // ECMA-119 9.1.1: length of directory record
        target[1] = 0;                                             // ECMA-119 9.1.2: extended attribute record length
        BothEndian.WriteUInt32(target, 2, block);                  // ECMA-119 9.1.3: location of extent
        BothEndian.WriteUInt32(target, 10, size);                  // ECMA-119 9.1.4: data length
        IsoTimestamp.WriteRecordingDate(target, 18, timestamp);    // ECMA-119 9.1.5: recording date and time
        target[25] = flags;                                        // ECMA-119 9.1.6: file flags (directory, multi-extent)
        target[26] = 0;                                            // ECMA-119 9.1.7: file unit size (not interleaved)
        target[27] = 0;                                            // ECMA-119 9.1.8: interleave gap size
        BothEndian.WriteUInt16(target, 28, 1);                     // ECMA-119 9.1.9: volume sequence number
        target[32] = (byte)Identifier.Length;                      // ECMA-119 9.1.10: length of file identifier
        Identifier.CopyTo(target[33..]);                           // ECMA-119 9.1.11: file identifier
        // ECMA-119 9.1.12: the padding byte (when the identifier length is even) stays 0x00.
        SystemUse?.WriteInline(target[FixedLength(Identifier.Length)..]); // ECMA-119 9.1.13: system use
    }

    // An empty file has no section: one record with extent 0 and data length 0, as mkisofs and libisofs write.
    private (uint Block, uint Size, byte Flags) FileSection()
    {
        var sections = Target.Sections;
        if (sections.Count == 0)
        {
            return (0, 0, 0);
        }

        var (block, size) = sections[Section];
        return (block, size, Section < sections.Count - 1 ? MultiExtentFlag : (byte)0);
    }
}

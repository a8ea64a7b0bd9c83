using System.Text;

namespace GlanceBake.Iso9660;

/// <summary>
/// Builders for the System Use Entries this writer emits. Every entry starts with the SUSP 1.12 4.1 header:
/// BP1-2 signature word, BP3 length LEN_SUE (whole entry), BP4 entry version.
/// </summary>
internal static class SuspEntries
{
    /// <summary>Length of a CE entry (SUSP 1.12 5.1).</summary>
    public const int ContinuationLength = 28;

    /// <summary>RRIP 1.12 section 5 / 4.1.1: the extension identifier this image announces in ER.</summary>
    public const string RripIdentifier = "RRIP_1991A";

    /// <summary>The descriptor text registered with RRIP_1991A (RRIP 1.12 5, as written by mkisofs, libisofs, pycdlib).</summary>
    public const string RripDescriptor =
        "THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS";

    /// <summary>The source text registered with RRIP_1991A.</summary>
    public const string RripSource =
        "PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME DESCRIPTOR FOR CONTACT INFORMATION.";

    private const int S_IFDIR = 0x4000; // RRIP 1.12 4.1.1 file mode: POSIX S_IFDIR (0040000)
    private const int S_IFREG = 0x8000; // RRIP 1.12 4.1.1 file mode: POSIX S_IFREG (0100000)

    /// <summary>SUSP 1.12 5.3 SP: marks SUSP use; first entry of the root's "." record.</summary>
    public static byte[] SharingProtocol()
    {
        var e = Header("SP", 7);
        e[4] = 0xBE; // SUSP 1.12 5.3 BP5: check byte
        e[5] = 0xEF; // SUSP 1.12 5.3 BP6: check byte
        e[6] = 0;    // SUSP 1.12 5.3 BP7: LEN_SKP, bytes to skip in every System Use field
        return e;
    }

    /// <summary>SUSP 1.12 5.1 CE: where the rest of this System Use field continues.</summary>
    public static byte[] Continuation(uint block, uint offset, uint length)
    {
        var e = Header("CE", ContinuationLength);
        BothEndian.WriteUInt32(e, 4, block);   // SUSP 1.12 5.1 BP5-12: block location of continuation area
        BothEndian.WriteUInt32(e, 12, offset); // SUSP 1.12 5.1 BP13-20: offset within that block
        BothEndian.WriteUInt32(e, 20, length); // SUSP 1.12 5.1 BP21-28: length of continuation area
        return e;
    }

    /// <summary>SUSP 1.12 5.5 ER: announces Rock Ridge (RRIP 1.12 section 5), extension version 1.</summary>
    public static byte[] ExtensionsReference()
    {
        var id = Encoding.ASCII.GetBytes(RripIdentifier);
        var des = Encoding.ASCII.GetBytes(RripDescriptor);
        var src = Encoding.ASCII.GetBytes(RripSource);
        var e = Header("ER", 8 + id.Length + des.Length + src.Length);
        e[4] = (byte)id.Length;  // SUSP 1.12 5.5 BP5: LEN_ID
        e[5] = (byte)des.Length; // SUSP 1.12 5.5 BP6: LEN_DES
        e[6] = (byte)src.Length; // SUSP 1.12 5.5 BP7: LEN_SRC
        e[7] = 1;                // SUSP 1.12 5.5 BP8: EXT_VER
        id.CopyTo(e, 8);                              // BP9..: EXT_ID
        des.CopyTo(e, 8 + id.Length);                 // then EXT_DES
        src.CopyTo(e, 8 + id.Length + des.Length);    // then EXT_SRC
        return e;
    }

    /// <summary>RRIP 1.12 4.1.1 PX: POSIX mode, links, uid/gid 0 and serial number (44 bytes, the 1.12 form).</summary>
    public static byte[] PosixAttributes(TreeNode node)
    {
        var e = Header("PX", 44);
        var type = node.IsDirectory ? S_IFDIR : S_IFREG;
        var links = node.IsDirectory ? 2 + node.Children.Values.Count(c => c.IsDirectory) : 1;
        BothEndian.WriteUInt32(e, 4, (uint)(type | node.Mode)); // RRIP 1.12 4.1.1 BP5-12: st_mode
        BothEndian.WriteUInt32(e, 12, (uint)links);             // RRIP 1.12 4.1.1 BP13-20: st_nlink
        BothEndian.WriteUInt32(e, 20, 0);                       // RRIP 1.12 4.1.1 BP21-28: st_uid (root)
        BothEndian.WriteUInt32(e, 28, 0);                       // RRIP 1.12 4.1.1 BP29-36: st_gid (root)
        BothEndian.WriteUInt32(e, 36, node.SerialNumber);       // RRIP 1.12 4.1.1 BP37-44: st_ino
        return e;
    }

    /// <summary>RRIP 1.12 4.1.6 TF: modify, access and attribute-change times, 7-byte ECMA-119 9.1.5 form.</summary>
    public static byte[] Timestamps(DateTimeOffset timestamp)
    {
        var e = Header("TF", 5 + 3 * 7);
        e[4] = 0b0000_1110; // RRIP 1.12 4.1.6 BP5 flags: MODIFY(1), ACCESS(2), ATTRIBUTES(3); LONG_FORM(7) clear
        IsoTimestamp.WriteRecordingDate(e, 5, timestamp);  // modification
        IsoTimestamp.WriteRecordingDate(e, 12, timestamp); // access
        IsoTimestamp.WriteRecordingDate(e, 19, timestamp); // attribute change
        return e;
    }

    /// <summary>RRIP 1.12 4.1.4 NM: the real name in UTF-8, in one entry (names are at most 64 UCS-2 characters).</summary>
    public static byte[] AlternateName(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        var e = Header("NM", 5 + bytes.Length);
        e[4] = 0; // RRIP 1.12 4.1.4 BP5 flags: no CONTINUE, CURRENT or PARENT
        bytes.CopyTo(e, 5); // RRIP 1.12 4.1.4 BP6..: name content
        return e;
    }

    private static byte[] Header(string signature, int length)
    {
        var e = new byte[length];
        e[0] = (byte)signature[0]; // SUSP 1.12 4.1 BP1-2: signature word
        e[1] = (byte)signature[1];
        e[2] = (byte)length;       // SUSP 1.12 4.1 BP3: LEN_SUE
        e[3] = 1;                  // SUSP 1.12 4.1 BP4: entry version
        return e;
    }
}

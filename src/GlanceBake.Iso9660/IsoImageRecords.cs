namespace GlanceBake.Iso9660;

/// <summary>One volume descriptor of the descriptor set (ECMA-119 8.1: BP1 type, BP2-6 "CD001").</summary>
/// <param name="Sector">Its logical sector (16 and on; 2048-byte sectors).</param>
/// <param name="Type">0 boot record, 1 primary, 2 supplementary or enhanced, 3 partition, 255 terminator.</param>
/// <param name="VolumeIdentifier">Volume identifier (ECMA-119 8.4.6 / 8.5.6), trailing blanks removed; Joliet's in
/// UCS-2; empty for descriptors that have none.</param>
/// <param name="JolietLevel">1-3 for a Joliet supplementary descriptor (escape sequence %/@, %/C, %/E); else null.</param>
public sealed record IsoVolumeDescriptor(long Sector, int Type, string VolumeIdentifier, int? JolietLevel)
{
    /// <summary>A word for <see cref="Type"/>: primary, Joliet, supplementary, boot, partition, terminator.</summary>
    public string Kind => Type switch
    {
        0 => "boot record",
        1 => "primary",
        2 when JolietLevel is not null => $"supplementary (Joliet level {JolietLevel})",
        2 => "supplementary",
        3 => "partition",
        255 => "terminator",
        _ => $"type {Type}",
    };
}

/// <summary>One contiguous extent of a file (ECMA-119 9.1.3 location, 9.1.4 data length).</summary>
/// <param name="Sector">First logical sector.</param>
/// <param name="Length">Bytes.</param>
public readonly record struct IsoExtent(long Sector, long Length);

/// <summary>One file or directory of a directory tree.</summary>
/// <param name="Path">Slash-separated path from the root, without a leading slash, in the tree's names.</param>
/// <param name="IsDirectory">ECMA-119 9.1.6 bit 1.</param>
/// <param name="Size">Bytes: the sum of all extents (a multi-extent file, ECMA-119 9.1.6 bit 7, is several
/// directory records with the same name).</param>
/// <param name="Mode">POSIX mode from Rock Ridge PX (RRIP 1.12 4.1.1), or null where the tree has none.</param>
/// <param name="Extents">The file's extents in order.</param>
public sealed record IsoFile(string Path, bool IsDirectory, long Size, int? Mode, IReadOnlyList<IsoExtent> Extents);

/// <summary>Which names a tree shows.</summary>
public enum IsoNaming
{
    /// <summary>The primary tree's ECMA-119 identifiers, version (<c>;1</c>) removed.</summary>
    Iso9660,

    /// <summary>The primary tree's Rock Ridge NM names and PX modes (RRIP 1.12 4.1.4, 4.1.1).</summary>
    RockRidge,

    /// <summary>The Joliet supplementary tree's UCS-2 names.</summary>
    Joliet,
}

namespace GlanceBake.Iso9660;

/// <summary>
/// The SUSP entries of one ECMA-119 directory record (ECMA-119 9.1.13 System Use field), split between the
/// record and a continuation area when they do not fit (SUSP 1.12 5.1).
/// </summary>
/// <param name="inline">Entries kept in the record, in order (a CE entry is appended after them when needed).</param>
/// <param name="spilled">Entries moved to the continuation area, in order; empty when all fit.</param>
internal sealed class SystemUseField(IReadOnlyList<byte[]> inline, IReadOnlyList<byte[]> spilled)
{
    /// <summary>Entries kept in the record.</summary>
    public IReadOnlyList<byte[]> Inline { get; } = inline;

    /// <summary>Entries in the continuation area.</summary>
    public IReadOnlyList<byte[]> Spilled { get; } = spilled;

    /// <summary>Block of the continuation area (set by layout when <see cref="Spilled"/> is not empty).</summary>
    public uint ContinuationBlock { get; set; }

    /// <summary>Byte offset of the continuation area inside its block.</summary>
    public uint ContinuationOffset { get; set; }

    /// <summary>Bytes of the continuation area.</summary>
    public int SpilledLength => Spilled.Sum(e => e.Length);

    /// <summary>
    /// Bytes in the record, padded to even length so every record starts on an even offset, as mkisofs and
    /// libisofs do; a trailing pad byte is shorter than any entry header, so SUSP readers stop there (SUSP 1.12 4).
    /// </summary>
    public int InlineLength
    {
        get
        {
            var length = Inline.Sum(e => e.Length) + (Spilled.Count > 0 ? SuspEntries.ContinuationLength : 0);
            return length + (length & 1);
        }
    }

    /// <summary>
    /// Splits <paramref name="entries"/> so the record stays within 255 bytes (ECMA-119 9.1.1 is one byte):
    /// entries go in the record in order until the next one no longer fits with room left for a CE entry.
    /// </summary>
    /// <param name="entries">Entries in their required order (SP first where present).</param>
    /// <param name="room">Bytes available for the System Use field in the record.</param>
    public static SystemUseField Split(IReadOnlyList<byte[]> entries, int room)
    {
        var total = entries.Sum(e => e.Length);
        if (total + (total & 1) <= room)
        {
            return new SystemUseField(entries, []);
        }

        var used = 0;
        var kept = 0;
        while (kept < entries.Count && used + entries[kept].Length + SuspEntries.ContinuationLength <= room - 1)
        {
            used += entries[kept].Length;
            kept++;
        }

        return new SystemUseField(entries.Take(kept).ToList(), entries.Skip(kept).ToList());
    }

    /// <summary>Writes the in-record part (entries, then the CE entry, then a pad byte if odd).</summary>
    public void WriteInline(Span<byte> target)
    {
        var at = 0;
        foreach (var e in Inline)
        {
            e.CopyTo(target[at..]);
            at += e.Length;
        }

        if (Spilled.Count > 0)
        {
            SuspEntries.Continuation(ContinuationBlock, ContinuationOffset, (uint)SpilledLength).CopyTo(target[at..]);
        }
    }

    /// <summary>Writes the continuation area's entries.</summary>
    public void WriteSpilled(Span<byte> target)
    {
        var at = 0;
        foreach (var e in Spilled)
        {
            e.CopyTo(target[at..]);
            at += e.Length;
        }
    }
}

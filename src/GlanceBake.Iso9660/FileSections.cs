namespace GlanceBake.Iso9660;

/// <summary>
/// How a file is cut into file sections, each recorded in its own extent and described by its own directory
/// record (ECMA-119 9.1.6 bit 7 Multi-Extent; interchange level 3, ECMA-119 10.3). The rule is libisofs' (xorriso):
/// a file of at most <see cref="MaxSectionSize"/> bytes is one section; a longer one is cut into sections of
/// <see cref="ExtentSize"/> bytes, the last holding the rest. Sections lie one after the other on the volume.
/// </summary>
/// <param name="ExtentSize">Size of every section but the last: a positive multiple of 2048, so the next section
/// starts right after it (libisofs <c>ISO_EXTENT_SIZE</c>).</param>
/// <param name="MaxSectionSize">Largest file kept in one section (ECMA-119 9.1.4 data length is 32-bit).</param>
internal sealed record FileSections(uint ExtentSize, uint MaxSectionSize)
{
    /// <summary>4 GiB - 2048 and 4 GiB - 1: what libisofs writes (ecma119.h ISO_EXTENT_SIZE, MAX_ISO_FILE_SECTION_SIZE).</summary>
    public static FileSections Default { get; } = new((uint)IsoImageBuilder.FileSectionSize, uint.MaxValue);

    /// <summary>Byte sizes of the sections of a file of <paramref name="length"/> bytes (none for an empty file).</summary>
    public IEnumerable<uint> Sizes(long length)
    {
        if (length <= MaxSectionSize)
        {
            if (length > 0)
            {
                yield return (uint)length;
            }

            yield break;
        }

        for (var left = length; left > 0; left -= ExtentSize)
        {
            yield return (uint)Math.Min(left, ExtentSize);
        }
    }
}

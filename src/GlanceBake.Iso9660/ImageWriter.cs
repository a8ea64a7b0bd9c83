namespace GlanceBake.Iso9660;

/// <summary>Writes a computed <see cref="ImageLayout"/> in one forward pass, block by block, in block order.</summary>
internal sealed class ImageWriter(ImageLayout layout, string volumeIdentifier, Stream output)
{
    private const int CopyBufferSize = 256 * 1024;
    private long _written;

    /// <summary>Writes the whole image; the stream receives exactly VolumeSpaceSize * 2048 bytes.</summary>
    public void Write()
    {
        Emit(new byte[16 * ImageLayout.BlockSize]); // ECMA-119 6.2.1: system area, blocks 0-15, unused here

        var block = new byte[ImageLayout.BlockSize];
        VolumeDescriptors.WritePrimary(block, layout, volumeIdentifier); // block 16 (ECMA-119 6.7.1)
        Emit(block);
        block = new byte[ImageLayout.BlockSize];
        VolumeDescriptors.WriteJoliet(block, layout, volumeIdentifier); // block 17
        Emit(block);
        block = new byte[ImageLayout.BlockSize];
        VolumeDescriptors.WriteTerminator(block);                        // block 18
        Emit(block);

        ExpectBlock(layout.PathTableBlocks[0]);
        EmitPadded(PathTable.Build(layout.IsoDirectories, layout.IsoPathTableSize, joliet: false, bigEndian: false));
        EmitPadded(PathTable.Build(layout.IsoDirectories, layout.IsoPathTableSize, joliet: false, bigEndian: true));
        EmitPadded(PathTable.Build(layout.JolietDirectories, layout.JolietPathTableSize, joliet: true, bigEndian: false));
        EmitPadded(PathTable.Build(layout.JolietDirectories, layout.JolietPathTableSize, joliet: true, bigEndian: true));

        foreach (var dir in layout.IsoDirectories)
        {
            ExpectBlock(dir.IsoBlock);
            Emit(Extent(layout.IsoEntries[dir], dir.IsoSize));
        }

        WriteContinuations();

        foreach (var dir in layout.JolietDirectories)
        {
            ExpectBlock(dir.JolietBlock);
            Emit(Extent(layout.JolietEntries[dir], dir.JolietSize));
        }

        var buffer = new byte[CopyBufferSize];
        foreach (var file in layout.Files)
        {
            ExpectBlock(file.Sections[0].Block);
            file.Content!.CopyTo(output, buffer);
            _written += file.Content.Length;
            PadToBlock();
        }

        ExpectBlock(layout.VolumeSpaceSize);
        output.Flush();
    }

    // ECMA-119 6.8.1.1: records are packed in order, starting a new block when the next one would cross a boundary.
    private byte[] Extent(List<DirectoryEntry> entries, uint size)
    {
        var extent = new byte[size];
        var position = 0;
        foreach (var entry in entries)
        {
            if (position % ImageLayout.BlockSize + entry.Length > ImageLayout.BlockSize)
            {
                position = (position / ImageLayout.BlockSize + 1) * ImageLayout.BlockSize;
            }

            entry.Write(extent.AsSpan(position), layout.Timestamp);
            position += entry.Length;
        }

        return extent;
    }

    // SUSP 1.12 5.1: continuation areas at the block and offset the layout gave them.
    private void WriteContinuations()
    {
        var (first, count) = layout.ContinuationBlocks;
        if (count == 0)
        {
            return;
        }

        ExpectBlock(first);
        var area = new byte[count * ImageLayout.BlockSize];
        foreach (var field in layout.Continuations)
        {
            var at = (int)((field.ContinuationBlock - first) * ImageLayout.BlockSize + field.ContinuationOffset);
            field.WriteSpilled(area.AsSpan(at));
        }

        Emit(area);
    }

    private void Emit(byte[] bytes)
    {
        output.Write(bytes, 0, bytes.Length);
        _written += bytes.Length;
    }

    private void EmitPadded(byte[] bytes)
    {
        Emit(bytes);
        PadToBlock();
    }

    private void PadToBlock()
    {
        var rest = (int)(_written % ImageLayout.BlockSize);
        if (rest != 0)
        {
            Emit(new byte[ImageLayout.BlockSize - rest]);
        }
    }

    // The layout and the writer must agree; a mismatch is a bug in this library, not in the caller's input.
    private void ExpectBlock(uint block)
    {
        if (_written != (long)block * ImageLayout.BlockSize)
        {
            throw new InvalidOperationException(
                $"internal layout error: expected to be at block {block}, but {_written} bytes were written");
        }
    }
}

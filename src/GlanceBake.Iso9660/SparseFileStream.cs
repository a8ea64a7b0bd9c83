namespace GlanceBake.Iso9660;

/// <summary>
/// A forward-only write stream over a new file that leaves holes where whole large writes are zero, as
/// <c>cp --sparse=auto</c> does: a sparse 4.7 GB raw disk image becomes a sparse seed.iso instead of 4.7 GB of
/// written zeros. The file's bytes are the same either way (a hole reads as zeros). When given a hash, every byte
/// written (holes as zeros) is added to it; large file content can then be written from the hash's own buffers
/// (<see cref="RentBuffer"/>, <see cref="WriteRented"/>), which it hashes on a second thread without copying.
/// </summary>
internal sealed class SparseFileStream(FileStream file, PipelinedSha256? hash = null) : Stream
{
    // Only writes of at least this many bytes are checked; directory blocks and descriptors are written as they are.
    private const int MinimumHole = 64 * 1024;

    private long _position;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _position;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        hash?.Append(buffer);
        WriteToFile(buffer);
    }

    /// <summary>
    /// A buffer to fill with the next bytes and pass to <see cref="WriteRented"/>; null when this stream has no hash
    /// (write with <see cref="Write(ReadOnlySpan{byte})"/> then).
    /// </summary>
    public byte[]? RentBuffer() => hash?.Rent();

    /// <summary>
    /// Writes the first <paramref name="count"/> bytes of a buffer from <see cref="RentBuffer"/> (in pieces of
    /// <paramref name="piece"/> bytes, each checked for a hole as a <see cref="Write(ReadOnlySpan{byte})"/> of
    /// it would be), then hands the buffer to the hash; the caller must not touch it afterwards.
    /// </summary>
    public void WriteRented(byte[] buffer, int count, int piece)
    {
        for (var at = 0; at < count; at += piece)
        {
            WriteToFile(buffer.AsSpan(at, Math.Min(piece, count - at)));
        }

        hash!.Submit(buffer, count);
    }

    private void WriteToFile(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length >= MinimumHole && !buffer.ContainsAnyExcept((byte)0))
        {
            file.Seek(buffer.Length, SeekOrigin.Current);
        }
        else
        {
            file.Write(buffer);
        }

        _position += buffer.Length;
    }

    /// <summary>Fixes the file length (a trailing hole is not written), then flushes.</summary>
    public override void Flush()
    {
        if (file.Length != _position)
        {
            file.SetLength(_position);
        }

        file.Flush();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

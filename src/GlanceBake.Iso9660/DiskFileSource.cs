namespace GlanceBake.Iso9660;

/// <summary>File content streamed from disk at build time, in buffer-sized pieces.</summary>
/// <param name="Path">Absolute path of the source file.</param>
/// <param name="Length">Length observed when the file was added.</param>
internal sealed record DiskFileSource(string Path, long Length) : FileSource(Length)
{
    /// <inheritdoc />
    public override void CopyTo(Stream output, byte[] buffer)
    {
        using var input = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (input.Length != Length)
        {
            throw new IOException($"'{Path}' is {input.Length} bytes now but was {Length} bytes when added to the image");
        }

        var left = Length;
        var lending = output as SparseFileStream;
        while (left > 0)
        {
            // A hashed image is read into the hash's buffers, which it hashes on its own thread once written.
            var into = lending?.RentBuffer() ?? buffer;
            var want = (int)Math.Min(into.Length, left);
            var read = input.ReadAtLeast(into.AsSpan(0, want), want, throwOnEndOfStream: false);
            if (read == 0)
            {
                throw new IOException($"'{Path}' ended {left} bytes early");
            }

            if (into == buffer)
            {
                output.Write(buffer, 0, read);
            }
            else
            {
                lending!.WriteRented(into, read, buffer.Length);
            }

            left -= read;
        }
    }
}

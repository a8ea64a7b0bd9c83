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
        while (left > 0)
        {
            var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new IOException($"'{Path}' ended {left} bytes early");
            }

            output.Write(buffer, 0, read);
            left -= read;
        }
    }
}

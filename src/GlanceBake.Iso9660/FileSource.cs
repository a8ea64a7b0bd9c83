namespace GlanceBake.Iso9660;

/// <summary>Where a file's bytes come from at build time; the length is fixed when the file is added.</summary>
/// <param name="Length">Content length in bytes (a file above 4 GiB - 1 is recorded in several sections, see <see cref="FileSections"/>).</param>
internal abstract record FileSource(long Length)
{
    /// <summary>Copies exactly <see cref="Length"/> bytes to <paramref name="output"/> using <paramref name="buffer"/>.</summary>
    /// <exception cref="IOException">The source no longer has the length it had when added.</exception>
    public abstract void CopyTo(Stream output, byte[] buffer);
}

namespace GlanceBake.Iso9660;

/// <summary>File content held in memory (a copy taken when added, so later changes by the caller do not leak in).</summary>
/// <param name="Content">The bytes.</param>
internal sealed record ByteArraySource(byte[] Content) : FileSource(Content.LongLength)
{
    /// <inheritdoc />
    public override void CopyTo(Stream output, byte[] buffer) => output.Write(Content, 0, Content.Length);
}

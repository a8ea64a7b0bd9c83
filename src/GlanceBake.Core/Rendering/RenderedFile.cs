namespace GlanceBake.Core.Rendering;

/// <summary>
/// One file that user-data writes on the target (cloud-init <c>write_files</c> entry) and that bake also writes
/// under <c>out/rootfs/</c> for review.
/// </summary>
/// <param name="Path">Absolute target path (<c>/etc/glance/glance-api.conf</c>).</param>
/// <param name="Content">Exact bytes (UTF-8 text).</param>
/// <param name="Owner"><c>user:group</c>.</param>
/// <param name="Mode">Unix permission bits (0640 is <c>0x1A0</c>).</param>
/// <param name="Defer">True when the owner exists only after the packages install (cloud-init 21.3+ <c>defer</c>).</param>
public sealed record RenderedFile(string Path, byte[] Content, string Owner, int Mode, bool Defer)
{
    /// <summary>The mode as cloud-init's <c>permissions</c> string: four octal digits (<c>0640</c>).</summary>
    public string Permissions => Convert.ToString(Mode, 8).PadLeft(4, '0');
}

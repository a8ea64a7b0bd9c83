namespace GlanceBake.Core.Rendering;

/// <summary>
/// One file that user-data writes on the target (cloud-init <c>write_files</c> entry) and that bake also writes
/// under <c>out/rootfs/</c> for review.
/// </summary>
/// <param name="Path">Absolute target path (<c>/etc/glance/glance-api.conf</c>).</param>
/// <param name="Content">Exact bytes (UTF-8 text).</param>
/// <param name="Owner"><c>user:group</c>.</param>
/// <param name="Mode">Unix permission bits (0640 is <c>0x1A0</c>).</param>
/// <param name="Defer">True when the owner exists only after the packages install (cloud-init 21.4+ <c>defer</c>).</param>
/// <param name="Role">What the file is for (from its <see cref="OutputManifest"/> row).</param>
/// <param name="PlacedAt">For a staged file (<see cref="Releases.TargetProfile.StagesGlanceFiles"/>): the path step 50
/// installs it to; null when cloud-init writes the file where it stays.</param>
public sealed record RenderedFile(
    string Path, byte[] Content, string Owner, int Mode, bool Defer, FileRole Role = FileRole.Config, string? PlacedAt = null)
{
    /// <summary>Where the file ends up on the controller: <see cref="PlacedAt"/> for a staged file, else <see cref="Path"/>.</summary>
    public string TargetPath => PlacedAt ?? Path;

    /// <summary>The mode as cloud-init's <c>permissions</c> string: four octal digits (<c>0640</c>).</summary>
    public string Permissions => Convert.ToString(Mode, 8).PadLeft(4, '0');
}

namespace GlanceBake.Core.Parameters;

/// <summary>The verification upload (guide step 17).</summary>
/// <param name="ImageName">Image name in Glance.</param>
/// <param name="DiskFormat">Glance disk format (<c>qcow2</c>, <c>raw</c>, ...).</param>
/// <param name="ContainerFormat">Glance container format (<c>bare</c>).</param>
/// <param name="Visibility"><c>public</c>, <c>private</c>, <c>shared</c> or <c>community</c>.</param>
/// <param name="ImageFile">Full path of an image to embed on the ISO, or null to generate a tiny one.</param>
public sealed record VerificationParameters(
    string ImageName, string DiskFormat, string ContainerFormat, string Visibility, string? ImageFile);

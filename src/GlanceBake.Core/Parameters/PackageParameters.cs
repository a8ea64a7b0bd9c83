namespace GlanceBake.Core.Parameters;

/// <summary>Package handling at first boot.</summary>
/// <param name="Install"><c>first-boot</c> or <c>present-in-image</c>.</param>
/// <param name="Extra">More packages to install, in file order.</param>
public sealed record PackageParameters(string Install, IReadOnlyList<string> Extra)
{
    /// <summary>True when cloud-init installs the packages on first boot.</summary>
    public bool InstallOnFirstBoot => Install == "first-boot";
}

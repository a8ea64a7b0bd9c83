namespace GlanceBake.Core.Parameters;

/// <summary>OpenStack release and distro of the controller.</summary>
/// <param name="Release">Release name as in <see cref="Releases.ReleaseCatalog"/> (<c>pike</c>, <c>zed</c>, <c>2024.1</c>).</param>
/// <param name="Distro">Distro id (<c>ubuntu-24.04</c>, <c>ubuntu-16.04</c>, <c>debian-12</c>).</param>
public sealed record TargetParameters(string Release, string Distro)
{
    /// <summary>The release's facts; validation guarantees the name is known.</summary>
    public Releases.OpenStackRelease ReleaseInfo => Releases.ReleaseCatalog.FindRelease(Release)!;

    /// <summary>The distro's facts; validation guarantees the id is known.</summary>
    public Releases.Distro DistroInfo => Releases.ReleaseCatalog.FindDistro(Distro)!;
}

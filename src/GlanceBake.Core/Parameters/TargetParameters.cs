using GlanceBake.Core.Releases;

namespace GlanceBake.Core.Parameters;

/// <summary>OpenStack release and distro of the controller.</summary>
/// <param name="Release">Release name as in <see cref="ReleaseCatalog"/> (<c>pike</c>, <c>zed</c>, <c>2025.1</c>).</param>
/// <param name="Distro">Distro id, a profile in <c>targets/distros/</c> (<c>debian-12</c>, <c>ubuntu-24.04</c>).</param>
public sealed record TargetParameters(string Release, string Distro)
{
    /// <summary>The release's facts; validation guarantees the name is known.</summary>
    public OpenStackRelease ReleaseInfo => ReleaseCatalog.FindRelease(Release)!;

    /// <summary>The distro's profile; validation guarantees the id is known.</summary>
    public DistroProfile DistroInfo => ReleaseCatalog.FindDistro(Distro)!;

    /// <summary>The pair, with the facts derived from both; validation guarantees the pair is supported.</summary>
    public TargetProfile Profile => new(ReleaseInfo, DistroInfo);
}

namespace GlanceBake.Core.Parameters;

/// <summary>A static interface, emitted as network-config version 2.</summary>
/// <param name="Interface">Interface name (<c>ens3</c>).</param>
/// <param name="Addresses">Addresses in CIDR form.</param>
/// <param name="Gateway">Default gateway, or null.</param>
/// <param name="Nameservers">DNS servers, possibly empty.</param>
public sealed record NetworkParameters(
    string Interface, IReadOnlyList<string> Addresses, string? Gateway, IReadOnlyList<string> Nameservers);

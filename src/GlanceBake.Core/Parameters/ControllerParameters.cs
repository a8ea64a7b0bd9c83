namespace GlanceBake.Core.Parameters;

/// <summary>The controller VM.</summary>
/// <param name="Hostname">RFC 1123 host name; meta-data <c>local-hostname</c>.</param>
/// <param name="ManagementIp">The controller's management address (the guide's 10.0.0.11).</param>
/// <param name="InstanceId">Pinned NoCloud instance-id, or null to derive one from the rendered seed.</param>
/// <param name="SshAuthorizedKeys">Public keys for the default user, in file order.</param>
/// <param name="Network">Static network settings, or null for the image's default (DHCP).</param>
public sealed record ControllerParameters(
    string Hostname,
    string ManagementIp,
    string? InstanceId,
    IReadOnlyList<string> SshAuthorizedKeys,
    NetworkParameters? Network);

namespace GlanceBake.Core.Parameters;

/// <summary>Keystone admin credentials (the guide's admin-openrc).</summary>
/// <param name="Username">OS_USERNAME.</param>
/// <param name="Password">OS_PASSWORD (secret).</param>
/// <param name="ProjectName">OS_PROJECT_NAME.</param>
/// <param name="UserDomainName">OS_USER_DOMAIN_NAME.</param>
/// <param name="ProjectDomainName">OS_PROJECT_DOMAIN_NAME.</param>
public sealed record KeystoneAdmin(
    string Username, string Password, string ProjectName, string UserDomainName, string ProjectDomainName);

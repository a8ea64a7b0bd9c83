namespace GlanceBake.Core.Parameters;

/// <summary>The existing Keystone.</summary>
/// <param name="AuthUrl"><c>[keystone_authtoken] auth_url</c>, without <c>/v3</c> (admin-openrc appends it).</param>
/// <param name="WwwAuthenticateUri"><c>www_authenticate_uri</c> (<c>auth_uri</c> before Rocky).</param>
/// <param name="Region">Region of the endpoints (<c>RegionOne</c>).</param>
/// <param name="ServiceProject">Project of service users (<c>service</c>).</param>
/// <param name="ServiceRole">Role given to the glance user on it (<c>admin</c>).</param>
/// <param name="Admin">What admin-openrc holds.</param>
public sealed record KeystoneParameters(
    string AuthUrl, string WwwAuthenticateUri, string Region, string ServiceProject, string ServiceRole,
    KeystoneAdmin Admin);

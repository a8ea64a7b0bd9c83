namespace GlanceBake.Core.Parameters;

/// <summary>How first boot connects to MariaDB as administrator.</summary>
/// <param name="Method"><c>socket</c> (local root over the unix socket) or <c>password</c>.</param>
/// <param name="User">Admin user for <c>password</c>.</param>
/// <param name="Password">Admin password for <c>password</c> (secret).</param>
/// <param name="Host">Host for <c>password</c>; defaults to the database host.</param>
public sealed record DatabaseAdmin(string Method, string? User, string? Password, string? Host)
{
    /// <summary>True for local root over the unix socket.</summary>
    public bool UsesSocket => Method == "socket";
}

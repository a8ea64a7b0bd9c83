namespace GlanceBake.Core.Parameters;

/// <summary>Glance's database.</summary>
/// <param name="Host">MariaDB host (IP or name).</param>
/// <param name="Name">Database name.</param>
/// <param name="User">Database user granted on <c>Name.*</c>.</param>
/// <param name="Password">The user's password (secret).</param>
/// <param name="Admin">How first boot reaches MariaDB as an administrator.</param>
public sealed record DatabaseParameters(string Host, string Name, string User, string Password, DatabaseAdmin Admin);

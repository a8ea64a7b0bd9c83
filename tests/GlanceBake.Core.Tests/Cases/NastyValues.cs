namespace GlanceBake.Core.Tests.Cases;

/// <summary>Passwords that break naive quoting in YAML, INI, SQL, shell and URLs.</summary>
internal static class NastyValues
{
    public static readonly string[] Passwords =
    [
        "p@ss/w:rd#1",
        "a'b\"c\\d",
        "$HOME ${x} %s",
        " leading and trailing ",
        "yes",
        "0640",
        "pässwörd",
        "#cloud-config",
        "- item",
        "key: value",
        "\"quoted\"",
        "'single'",
        "back`tick`$(id)",
        "100%",
        "semi;colon & amp | pipe > gt",
    ];

    public static IEnumerable<object[]> PasswordData => Passwords.Select(p => new object[] { p });

    /// <summary>The parameter text with every password set to <paramref name="password"/>.</summary>
    public static string AllPasswords(string password) => TestBake.With(
        ("database.password", password), ("glance.password", password), ("keystone.admin.password", password));
}

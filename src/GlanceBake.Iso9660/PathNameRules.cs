namespace GlanceBake.Iso9660;

/// <summary>What a single name may be so that Joliet and Rock Ridge can carry it unchanged.</summary>
internal static class PathNameRules
{
    // Joliet forbids these in identifiers (and control characters); '/' separates components.
    private static readonly char[] JolietForbidden = ['*', '/', ':', ';', '?', '\\'];

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is a usable component.</summary>
    public static void Check(string path, string name)
    {
        string? problem = name switch
        {
            "" => "has an empty name (leading, trailing or doubled '/')",
            "." or ".." => "uses '.' or '..' as a name",
            _ when name.Length > IsoImageBuilder.MaxNameLength =>
                $"has the name '{name}' of {name.Length} characters; Joliet allows at most {IsoImageBuilder.MaxNameLength} UCS-2 characters",
            _ when name.Any(char.IsSurrogate) => $"has the name '{name}' with characters outside UCS-2 (Joliet level 3)",
            _ when name.Any(c => c < 0x20 || c == 0x7F) => $"has a name with control characters",
            _ when name.IndexOfAny(JolietForbidden) >= 0 => $"has the name '{name}' with one of * : ; ? \\ that Joliet cannot hold",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentException($"path '{path}' {problem}", nameof(path));
        }
    }
}

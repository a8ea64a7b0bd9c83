using System.Globalization;
using System.Text;

namespace GlanceBake.Iso9660;

/// <summary>
/// Plain ECMA-119 identifiers: interchange level 1 fallbacks (ECMA-119 10.1) made from the real names, which
/// Rock Ridge and Joliet carry; and the ECMA-119 9.3 ordering of directory records.
/// </summary>
internal static class IsoNames
{
    private const int MaxNameLength = 8;      // ECMA-119 10.1: level 1 file name at most 8 d-characters
    private const int MaxExtensionLength = 3; // ECMA-119 10.1: level 1 file name extension at most 3 d-characters

    /// <summary>
    /// Gives every child of <paramref name="directory"/> a unique identifier: upper-case d-characters
    /// (ECMA-119 7.4.1), files as NAME.EXT;1 (ECMA-119 7.5.1), directories as NAME (ECMA-119 7.6.1).
    /// Children are processed in ordinal order of their real names, so the result does not depend on insertion order.
    /// </summary>
    public static void AssignIdentifiers(TreeNode directory)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in directory.Children.Values)
        {
            var (name, extension) = Split(child);
            var key = Key(name, extension);
            for (var n = 1; !taken.Add(key); n++)
            {
                var suffix = n.ToString(CultureInfo.InvariantCulture);
                var kept = name[..Math.Min(name.Length, MaxNameLength - suffix.Length)];
                key = Key(kept + suffix, extension);
            }

            // ECMA-119 7.5.1: a file identifier always holds SEPARATOR 1 ('.'), SEPARATOR 2 (';') and the version.
            child.IsoIdentifier = child.IsDirectory ? key : (extension.Length == 0 ? key + "." : key) + ";1";
        }

        directory.IsoOrder = [.. directory.Children.Values.OrderBy(c => c.IsoIdentifier, Comparer<string>.Create(Compare))];
    }

    /// <summary>
    /// ECMA-119 9.3: order by file name (shorter padded with 0x20), then extension (padded with 0x20), then
    /// version number descending. Directory identifiers compare as names with an empty extension.
    /// </summary>
    public static int Compare(string a, string b)
    {
        var (nameA, extA, verA) = Parts(a);
        var (nameB, extB, verB) = Parts(b);
        var c = ComparePadded(nameA, nameB);
        if (c != 0)
        {
            return c;
        }

        c = ComparePadded(extA, extB);
        return c != 0 ? c : ComparePadded(verB, verA);
    }

    private static (string Name, string Extension) Split(TreeNode node)
    {
        var real = node.Name;
        var dot = node.IsDirectory ? -1 : real.LastIndexOf('.');
        var name = Clean(dot < 0 ? real : real[..dot], MaxNameLength);
        var extension = dot < 0 ? "" : Clean(real[(dot + 1)..], MaxExtensionLength);
        if (name.Length == 0 && (node.IsDirectory || extension.Length == 0))
        {
            name = "_"; // ECMA-119 7.6.1 / 7.5.1: a directory identifier, or a name without extension, is not empty
        }

        return (name, extension);
    }

    private static string Key(string name, string extension) =>
        extension.Length == 0 ? name : name + "." + extension;

    // ECMA-119 7.4.1: d-characters are A-Z, 0-9 and '_'; anything else (such as '-' and '.') becomes '_'.
    private static string Clean(string text, int max)
    {
        var sb = new StringBuilder(max);
        foreach (var ch in text.ToUpperInvariant())
        {
            if (sb.Length == max)
            {
                break;
            }

            sb.Append(ch is >= 'A' and <= 'Z' or >= '0' and <= '9' ? ch : '_');
        }

        return sb.ToString();
    }

    private static (string Name, string Extension, string Version) Parts(string identifier)
    {
        var semicolon = identifier.IndexOf(';');
        var version = semicolon < 0 ? "" : identifier[(semicolon + 1)..];
        var stem = semicolon < 0 ? identifier : identifier[..semicolon];
        var dot = stem.IndexOf('.');
        return dot < 0 ? (stem, "", version) : (stem[..dot], stem[(dot + 1)..], version);
    }

    private static int ComparePadded(string a, string b)
    {
        var length = Math.Max(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var ca = i < a.Length ? a[i] : ' ';
            var cb = i < b.Length ? b[i] : ' ';
            if (ca != cb)
            {
                return ca < cb ? -1 : 1;
            }
        }

        return 0;
    }
}

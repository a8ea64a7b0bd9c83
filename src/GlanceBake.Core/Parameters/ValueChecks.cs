using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace GlanceBake.Core.Parameters;

/// <summary>Pure checks of single values. Each returns true when the value is acceptable.</summary>
internal static partial class ValueChecks
{
    /// <summary>An IPv4 address in dotted-quad form (exactly four decimal parts, no leading zeros) or an IPv6 address.</summary>
    /// <remarks>A leading zero is refused: glibc's inet_aton, which curl, PyMySQL's socket calls and ping use, reads
    /// <c>010</c> as octal (8), while .NET reads it as decimal 10, so the seed would point at another host.</remarks>
    public static bool IsIpAddress(string value)
    {
        if (!IPAddress.TryParse(value, out var ip))
        {
            return false;
        }

        // IPAddress.TryParse accepts "10.1" and "10"; operators mean four parts.
        return ip.AddressFamily == AddressFamily.InterNetworkV6 || (DottedQuad().IsMatch(value) && ip.ToString() == value);
    }

    /// <summary>An address with a prefix length: <c>10.0.0.11/24</c>, <c>fd00::11/64</c>.</summary>
    public static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/');
        if (slash < 0 || !IsIpAddress(value[..slash]) || !int.TryParse(value[(slash + 1)..], out var prefix))
        {
            return false;
        }

        var max = value.Contains(':') ? 128 : 32;
        return prefix >= 0 && prefix <= max;
    }

    /// <summary>An RFC 1123 host name: labels of letters, digits and inner hyphens, each 1-63, total at most 253.</summary>
    /// A last label of digits only is refused, so a mistyped address such as <c>10.0.0.300</c> is not a host name.
    public static bool IsHostname(string value) =>
        value.Length <= 253 && Hostname().IsMatch(value) && !value.Split('.')[^1].All(char.IsAsciiDigit);

    /// <summary>A host name or an IP address.</summary>
    public static bool IsHost(string value) => IsIpAddress(value) || IsHostname(value);

    /// <summary>
    /// An absolute http or https URL with a valid host, no user info, query or fragment, written only with
    /// letters, digits and <c>- . _ ~ : / [ ] @ % + , =</c>: no character a shell, an INI parser or YAML treats
    /// specially (<c>$</c>, quotes, backquotes, parentheses, <c>;</c>, <c>&amp;</c>, spaces).
    /// </summary>
    public static bool IsHttpUrl(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || "-._~:/[]@%+,=".Contains(c))
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0
        && uri.Port is > 0 and <= 65535
        && IsHost(uri.IdnHost.Trim('[', ']'))
        && IsHost(RawHost(value))
        && !value.Any(char.IsWhiteSpace);

    /// <summary>The host of an absolute URL as written (Uri normalises <c>010.0.0.11</c> to <c>10.0.0.11</c>), brackets
    /// of an IPv6 literal removed.</summary>
    private static string RawHost(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var authority = rest.Split('/')[0];
        if (authority.StartsWith('['))
        {
            return authority[1..Math.Max(1, authority.IndexOf(']'))];
        }

        var colon = authority.IndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }

    /// <summary><c>host:port</c> with a port from 1 to 65535 (IPv6 hosts in brackets).</summary>
    public static bool IsHostPort(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], System.Globalization.NumberStyles.None, null, out var port)
            || port is < 1 or > 65535)
        {
            return false;
        }

        var host = value[..colon];
        return host.StartsWith('[') && host.EndsWith(']') ? IsIpAddress(host[1..^1]) : IsHost(host);
    }

    /// <summary>
    /// A folder first boot may hand to the glance user: strictly below <c>/var/lib/glance/</c>, or at least one level
    /// below <c>/srv</c>, <c>/data</c>, <c>/mnt</c> or <c>/opt</c>. Never <c>/</c>, a system folder or another
    /// service's folder (<c>/var/lib/mysql</c>).
    /// </summary>
    public static bool IsDataDirectory(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p == "." || p == ".."))
        {
            return false;
        }

        return parts is ["var", "lib", "glance", _, ..] || (parts is [var top, _, ..] && top is "srv" or "data" or "mnt" or "opt");
    }

    /// <summary>A plain identifier for databases, users, projects, roles, regions: letters, digits, <c>_ - .</c>.</summary>
    public static bool IsName(string value) => value.Length is > 0 and <= 64 && Name().IsMatch(value);

    /// <summary>An e-mail address in the plain <c>local@domain</c> form (no spaces, quotes or shell characters).</summary>
    public static bool IsEmail(string value) => value.Length <= 254 && Email().IsMatch(value);

    /// <summary>True when <paramref name="value"/> has control characters (newlines, tabs, NUL ...).</summary>
    public static bool HasControlCharacters(string value) => value.Any(char.IsControl);

    /// <summary>An absolute POSIX path without control characters or <c>..</c> parts.</summary>
    public static bool IsAbsolutePath(string value) =>
        value.StartsWith('/') && !HasControlCharacters(value) && !value.Split('/').Contains("..");

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex Hostname();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$")]
    private static partial Regex Email();
}

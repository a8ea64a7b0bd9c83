using GlanceBake.Core.Diagnostics;

namespace GlanceBake.Core.Parameters;

/// <summary>
/// The value readers of <see cref="ParameterBinder"/>: each reads one key of <see cref="ParameterSchema"/>, checks it,
/// reports at its position, and gives the key's default when the file does not set it.
/// </summary>
internal sealed partial class ParameterBinder
{
    private static readonly byte[] Qcow2Magic = [0x51, 0x46, 0x49, 0xFB]; // "QFI\xfb", QEMU qcow2 header

    // Why an image path cannot be used, or null: checked here so that bake never meets it as an internal error.
    private static string? ImageFileProblem(string path)
    {
        if (Directory.Exists(path))
        {
            return "is a folder, not a file";
        }

        var info = new FileInfo(path);
        try
        {
            if (info.LinkTarget is { } target && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
            {
                return $"is a symbolic link to '{target}', which does not exist";
            }
        }
        catch (IOException)
        {
            return "is a symbolic link that cannot be followed (a loop?)";
        }

        if (!info.Exists)
        {
            return "does not exist";
        }

        if (info.Length == 0)
        {
            return null; // a device or a pipe (opening a FIFO would block): refused as not a regular file next
        }

        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "cannot be read";
        }
    }

    private static bool HasQcow2Magic(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var f = File.OpenRead(path);
        return f.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(Qcow2Magic);
    }

    private string? Host(YamlSection s, ParameterKey key)
    {
        var v = s.Text(key);
        if (v is not null && !ValueChecks.IsHost(v))
        {
            bag.Error(DiagnosticCodes.BadHostname, $"'{s.Qualified(key)}' is not an IP address or host name: '{Shown(v)}'",
                s.At(key));
        }

        return v;
    }

    private string? Name(YamlSection s, ParameterKey key)
    {
        var v = s.Text(key);
        if (v is not null && !ValueChecks.IsName(v))
        {
            bag.Error(DiagnosticCodes.BadName,
                $"'{s.Qualified(key)}' may hold only letters, digits, '_', '-' and '.' (got '{Shown(v)}')", s.At(key));
        }

        return v;
    }

    private string? Url(YamlSection s, ParameterKey key)
    {
        var v = s.Text(key);
        if (v is not null && !ValueChecks.IsHttpUrl(v))
        {
            // The value is not echoed: a URL may carry credentials (http://user:password@host).
            bag.Error(DiagnosticCodes.BadUrl,
                $"'{s.Qualified(key)}' is not an http(s) URL such as http://10.0.0.11:5000: a host name or an address without leading zeros, a port from 1 to 65535, no user info, query or shell-special characters (the value is not shown: a URL may carry a password)",
                s.At(key));
        }

        return v;
    }

    private string? Plain(YamlSection s, ParameterKey key)
    {
        var v = s.Text(key);
        if (v is not null && (v.Length == 0 || ValueChecks.HasControlCharacters(v)))
        {
            bag.Error(DiagnosticCodes.BadCharacters, $"'{s.Qualified(key)}' must be one non-empty line", s.At(key));
        }

        return v;
    }

    /// <summary>One of the key's <see cref="ParameterKey.Choices"/>; the default when absent or not one of them.</summary>
    private string? OneOf(YamlSection s, ParameterKey key)
    {
        var v = s.Text(key);
        var choices = key.Choices ?? [];
        if (v is not null && !choices.Contains(v, StringComparer.Ordinal))
        {
            bag.Error(DiagnosticCodes.NotOneOf,
                $"'{s.Qualified(key)}' must be one of {string.Join(", ", choices)} (got '{Shown(v)}')", s.At(key));
            return key.Default;
        }

        return v;
    }

    /// <summary>A required secret: checked for emptiness and control characters; never echoed.</summary>
    /// <remarks>The value may be written literally, as <c>{env: NAME}</c> or as <c>{file: PATH}</c>
    /// (<see cref="SecretSources"/>); a missing source is GB2018 at the field, a guide placeholder GB2019 (warning).</remarks>
    private string Secret(YamlSection s, ParameterKey key)
    {
        string? v;
        if (s.Node(key) is YamlDotNet.RepresentationModel.YamlMappingNode map)
        {
            var reference = SecretSources.ParseReference(map, out var refProblem);
            if (reference is null)
            {
                bag.Error(DiagnosticCodes.WrongType, $"'{s.Qualified(key)}' {refProblem}", s.At(key));
                return "";
            }

            v = sources.Resolve(s.Qualified(key), reference, baseDirectory, out var problem, out var refused);
            if (v is null)
            {
                bag.Error(refused ? DiagnosticCodes.BadPath : DiagnosticCodes.SecretSourceMissing,
                    problem!, s.At(key));
                return "";
            }
        }
        else
        {
            v = s.Text(key.Name, required: true);
        }

        if (v is null)
        {
            return "";
        }

        if (SecretSources.IsGuidePlaceholder(v))
        {
            bag.Warning(DiagnosticCodes.PlaceholderSecret,
                $"'{s.Qualified(key)}' still holds one of the install guide's placeholder passwords; set a real secret (glancebake secrets writes random ones)",
                s.At(key));
        }

        if (v.Length == 0)
        {
            bag.Error(DiagnosticCodes.EmptyValue, $"'{s.Qualified(key)}' must not be empty", s.At(key));
        }
        else if (ValueChecks.HasControlCharacters(v))
        {
            bag.Error(DiagnosticCodes.BadCharacters,
                $"'{s.Qualified(key)}' holds a control character (newline, tab ...), which cannot be carried safely",
                s.At(key));
        }

        return v;
    }

    /// <summary>A non-secret value as shown in a message: control characters escaped, long values cut.</summary>
    private static string Shown(string value)
    {
        var clean = string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return clean.Length > 60 ? clean[..57] + "..." : clean;
    }
}

using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Seed;

/// <summary>
/// Emits a YAML node tree with YamlDotNet's emitter: one implicit document, no anchors, LF line ends, keys in the
/// order they were added. Multi-line strings are literal blocks (<c>|</c>) where YAML allows it; YamlDotNet falls
/// back to a quoted style by itself when a literal block cannot carry the text exactly.
/// </summary>
public static partial class YamlDocumentWriter
{
    /// <summary>Serialises <paramref name="root"/>; <paramref name="headerLine"/> (e.g. <c>#cloud-config</c>) comes first.</summary>
    public static byte[] Write(YamlNode root, string? headerLine = null)
    {
        var text = new StringWriter { NewLine = "\n" };
        if (headerLine is not null)
        {
            text.Write(headerLine);
            text.Write('\n');
        }

        var emitter = new Emitter(text, new EmitterSettings().WithNewLine("\n").WithMaxSimpleKeyLength(1024).WithBestWidth(120));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>
    /// A string scalar: literal block for multi-line text; single-quoted when PyYAML (YAML 1.1, cloud-init's loader)
    /// would read the plain text as something else (<c>yes</c>, <c>off</c>, <c>null</c>, <c>0640</c>, <c>1.5</c>);
    /// otherwise the emitter's choice.
    /// </summary>
    public static YamlScalarNode Scalar(string value) =>
        new(value)
        {
            Style = value.Contains('\n') ? ScalarStyle.Literal
                : NotAPlainString().IsMatch(value) ? ScalarStyle.SingleQuoted : ScalarStyle.Any,
        };

    /// <summary>A YAML boolean (<c>true</c>/<c>false</c>, plain).</summary>
    public static YamlScalarNode Bool(bool value) => new(value ? "true" : "false") { Style = ScalarStyle.Plain };

    // YAML 1.1 implicit types as PyYAML resolves them: bool, null, int (incl. octal, hex, sexagesimal), float.
    [System.Text.RegularExpressions.GeneratedRegex(
        @"^(|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?[0-9_.:]+([eE][-+]?[0-9]+)?|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|<<|=)$")]
    private static partial System.Text.RegularExpressions.Regex NotAPlainString();

    /// <summary>A scalar always in single quotes (cloud-init <c>permissions</c>, which must stay a string).</summary>
    public static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.SingleQuoted };

    private static void Emit(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode s:
                emitter.Emit(new Scalar(null, null, s.Value ?? "", s.Style, isPlainImplicit: true, isQuotedImplicit: true));
                break;
            case YamlSequenceNode seq:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, seq.Style));
                foreach (var child in seq.Children)
                {
                    Emit(emitter, child);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode map:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, map.Style));
                foreach (var (key, value) in map.Children)
                {
                    Emit(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentException($"unsupported YAML node {node.GetType().Name}", nameof(node));
        }
    }
}

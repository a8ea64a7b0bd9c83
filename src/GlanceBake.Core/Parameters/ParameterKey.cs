namespace GlanceBake.Core.Parameters;

/// <summary>
/// One key of the parameter file, named once, with its default written once (in the spirit of Butane's
/// <c>config/fcos/v1_5/schema.go</c>). <see cref="ParameterSchema"/> holds them all; the binder reads values through
/// them and every section's list of allowed keys derives from them.
/// </summary>
/// <param name="Name">The key as written in the file (<c>filesystem_store_datadir</c>).</param>
/// <param name="Default">The value when the key is absent, or null when the key has none, or when the default is
/// derived from another value (<see cref="Doc"/> says from which).</param>
/// <param name="Required">True when the file must give it (GB1004 at the section otherwise).</param>
/// <param name="Choices">The allowed values, for keys with a fixed set (GB2001 otherwise); null for free values.</param>
/// <param name="Doc">What the key is, in one line.</param>
/// <param name="Kind">What the value is: one scalar (kept as its source text), a list of scalars, or a whole number.
/// The binder reads the key only as this kind, and <see cref="ParameterJsonSchema"/> types it from this.</param>
/// <param name="NonEmpty">For a list: when written, it holds at least one item (the binder refuses an empty or null
/// one; the JSON Schema says <c>minItems: 1</c>).</param>
internal sealed record ParameterKey(
    string Name, string? Default = null, bool Required = false, IReadOnlyList<string>? Choices = null, string Doc = "",
    ParameterKind Kind = ParameterKind.Text, bool NonEmpty = false);

/// <summary>The kind of value a <see cref="ParameterKey"/> holds.</summary>
internal enum ParameterKind
{
    /// <summary>One scalar, kept as its source text (<c>release: 2024.1</c> is <c>"2024.1"</c>).</summary>
    Text,

    /// <summary>A list of scalars, each kept as its source text.</summary>
    List,

    /// <summary>A whole number (only <c>schema</c>).</summary>
    Integer,
}

/// <summary>One mapping of the parameter file: its keys and its nested mappings.</summary>
/// <param name="Name">The mapping's key (<c>glance</c>); empty for the document itself.</param>
/// <param name="Required">True when the file must give it.</param>
/// <param name="Keys">Its scalar and list keys.</param>
/// <param name="Sections">Its nested mappings.</param>
internal sealed record ParameterSection(
    string Name, bool Required, IReadOnlyList<ParameterKey> Keys, IReadOnlyList<ParameterSection> Sections)
{
    /// <summary>Every key a file may write in this mapping, in schema order.</summary>
    public string[] AllowedKeys => [.. Keys.Select(k => k.Name), .. Sections.Select(s => s.Name)];
}

namespace GlanceBake.Core.Parameters;

/// <summary>
/// The commented starter parameter file <c>glancebake init</c> writes: the shipped <c>examples/controller.yaml</c>
/// (embedded at build time, so the two never drift apart), holding the install guide's values.
/// </summary>
public static class StarterFile
{
    /// <summary>How the examples' first line (yaml-language-server's schema association) begins.</summary>
    public const string SchemaCommentPrefix = "# yaml-language-server: $schema=";

    /// <summary>The file's text (UTF-8, LF), without the example's yaml-language-server line.</summary>
    public static string Text { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(StarterFile).Assembly.GetManifestResourceStream("examples/controller.yaml")
            ?? throw new InvalidOperationException("examples/controller.yaml is not embedded");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        // The example's editor schema comment names a path relative to examples/; a file written elsewhere drops it.
        return text.StartsWith(SchemaCommentPrefix, StringComparison.Ordinal) ? text[(text.IndexOf('\n') + 1)..] : text;
    }
}

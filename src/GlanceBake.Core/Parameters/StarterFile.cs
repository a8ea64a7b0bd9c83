namespace GlanceBake.Core.Parameters;

/// <summary>
/// The commented starter parameter file <c>glancebake init</c> writes: the shipped <c>examples/controller.yaml</c>
/// (embedded at build time, so the two never drift apart), holding the install guide's values.
/// </summary>
public static class StarterFile
{
    /// <summary>The file's text (UTF-8, LF).</summary>
    public static string Text { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(StarterFile).Assembly.GetManifestResourceStream("examples/controller.yaml")
            ?? throw new InvalidOperationException("examples/controller.yaml is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

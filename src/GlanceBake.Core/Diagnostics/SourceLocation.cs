namespace GlanceBake.Core.Diagnostics;

/// <summary>A 1-based position in an input file (YamlDotNet's <c>Mark</c> is already 1-based).</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line, or 0 for "the whole file".</param>
/// <param name="Column">1-based column, or 0 for "the whole file".</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>The whole file, no particular position.</summary>
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);
}

namespace GlanceBake.Core.Diagnostics;

/// <summary>
/// One problem found in the input, located at a 1-based line and column of <see cref="File"/>.
/// Printed MSBuild-style (<c>controller.yaml(12,5): error GB2003: message</c>) so editors and CI annotate it.
/// Messages never contain secret values.
/// </summary>
/// <param name="Code">Stable code, <c>GB</c> + 4 digits; see <see cref="DiagnosticCodes"/>. Never renumbered.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong and, where it helps, what is accepted.</param>
/// <param name="File">The file as the user named it (relative paths stay relative).</param>
/// <param name="Line">1-based line; 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column; 0 when the problem concerns the whole file.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Message, string File, int Line, int Column)
{
    /// <summary>The MSBuild-style line: <c>file(line,col): error GBnnnn: message</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}({Line},{Column})" : File;
        var kind = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {kind} {Code}: {Message}";
    }
}

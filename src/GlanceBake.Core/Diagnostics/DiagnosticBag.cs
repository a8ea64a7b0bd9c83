namespace GlanceBake.Core.Diagnostics;

/// <summary>
/// Collects every problem a stage finds, so that all of them are reported at once rather than the first only
/// (the Scriban <c>Template.HasErrors</c>/<c>Messages</c> style). Ordered by file, line, column, then code.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>All diagnostics so far, sorted by position then code.</summary>
    public IReadOnlyList<Diagnostic> Items =>
        [.. _items.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)];

    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Adds an error at a 1-based position.</summary>
    public void Error(string code, string message, SourceLocation at) =>
        _items.Add(new Diagnostic(code, Severity.Error, message, at.File, at.Line, at.Column));

    /// <summary>Adds a warning at a 1-based position.</summary>
    public void Warning(string code, string message, SourceLocation at) =>
        _items.Add(new Diagnostic(code, Severity.Warning, message, at.File, at.Line, at.Column));
}

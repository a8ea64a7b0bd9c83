namespace GlanceBake.Core.Diagnostics;

/// <summary>How bad a <see cref="Diagnostic"/> is. Errors stop the bake (exit code 1); warnings do not.</summary>
public enum Severity
{
    /// <summary>Printed, but the bake goes on.</summary>
    Warning,

    /// <summary>The input cannot be baked.</summary>
    Error,
}

namespace GlanceBake.Cli;

/// <summary>Process exit codes (sysexits-style for the internal error).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Input or validation errors.</summary>
    public const int InputError = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;

    /// <summary>The output could not be written.</summary>
    public const int OutputError = 3;

    /// <summary>A GlanceBake bug (EX_SOFTWARE).</summary>
    public const int InternalError = 70;
}

namespace GlanceBake.Cli.Tests;

/// <summary>Exit code and the two streams of one CLI run.</summary>
internal sealed record Outcome(int ExitCode, string Stdout, string Stderr);

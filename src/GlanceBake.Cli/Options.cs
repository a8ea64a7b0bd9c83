namespace GlanceBake.Cli;

/// <summary><c>glancebake bake [PARAMS] [-o DIR]</c>.</summary>
public sealed class BakeOptions
{
    /// <summary>The parameter file; default <c>examples/controller.yaml</c>.</summary>
    public string Params { get; set; } = "examples/controller.yaml";

    /// <summary>The output folder; default <c>out</c>.</summary>
    public string? Output { get; set; }

    /// <summary>Warnings (lint findings) are errors.</summary>
    public bool Strict { get; set; }

    /// <summary>Compare with a committed review tree instead of writing: a folder bake wrote, or its review/ copied.</summary>
    public string? Check { get; set; }

    /// <summary>Real secret values in review/ instead of placeholders.</summary>
    public bool Reveal { get; set; }

    /// <summary>Base folder of <c>{file: PATH}</c> secrets (default: the parameter file's folder).</summary>
    public string? FilesDir { get; set; }
}

/// <summary><c>glancebake validate PARAMS</c>.</summary>
public sealed class ValidateOptions
{
    /// <summary>The parameter file.</summary>
    public string Params { get; set; } = "";

    /// <summary>Warnings are errors.</summary>
    public bool Strict { get; set; }

    /// <summary>Base folder of <c>{file: PATH}</c> secrets (default: the parameter file's folder).</summary>
    public string? FilesDir { get; set; }
}

/// <summary><c>glancebake lint PARAMS [--strict]</c>.</summary>
public sealed class LintOptions
{
    /// <summary>The parameter file.</summary>
    public string Params { get; set; } = "";

    /// <summary>Findings are errors (exit 1).</summary>
    public bool Strict { get; set; }

    /// <summary>Base folder of <c>{file: PATH}</c> secrets (default: the parameter file's folder).</summary>
    public string? FilesDir { get; set; }
}

/// <summary><c>glancebake targets</c>.</summary>
public sealed class TargetsOptions
{
}

/// <summary><c>glancebake init [PATH]</c>.</summary>
public sealed class InitOptions
{
    /// <summary>Where to write; default <c>controller.yaml</c>.</summary>
    public string Path { get; set; } = "controller.yaml";

    /// <summary>Overwrite an existing file.</summary>
    public bool Force { get; set; }
}

/// <summary><c>glancebake schema</c>.</summary>
public sealed class SchemaOptions
{
}

/// <summary><c>glancebake inspect ISO</c>.</summary>
public sealed class InspectOptions
{
    /// <summary>The image.</summary>
    public string Image { get; set; } = "";
}

/// <summary><c>glancebake secrets PARAMS [--files-dir DIR]</c>.</summary>
public sealed class SecretsOptions
{
    /// <summary>The parameter file.</summary>
    public string Params { get; set; } = "";

    /// <summary>Base folder of <c>{file: PATH}</c> secrets (default: the parameter file's folder).</summary>
    public string? FilesDir { get; set; }
}

/// <summary><c>glancebake diff OLD NEW</c>.</summary>
public sealed class DiffOptions
{
    /// <summary>The old side.</summary>
    public string Old { get; set; } = "";

    /// <summary>The new side.</summary>
    public string New { get; set; } = "";

    /// <summary>Base folder of <c>{file: PATH}</c> secrets.</summary>
    public string? FilesDir { get; set; }
}

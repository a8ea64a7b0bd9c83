using CommandLine;

namespace GlanceBake.Cli;

/// <summary><c>glancebake bake [PARAMS] [-o DIR]</c>.</summary>
[Verb("bake", HelpText = "Render the seed (cidata/, review/, seed.iso, SHA256SUMS) from a parameter file.")]
public sealed class BakeOptions
{
    /// <summary>The parameter file; default <c>examples/controller.yaml</c>.</summary>
    [Value(0, MetaName = "PARAMS", Default = "examples/controller.yaml", HelpText = "Parameter file (YAML, schema 1).")]
    public string Params { get; set; } = "examples/controller.yaml";

    /// <summary>Anything after PARAMS: a usage error (one parameter file per bake).</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>The output folder; default <c>out</c>.</summary>
    [Option('o', "output", HelpText = "Output folder (default: out); replaced as a whole when the bake succeeds.")]
    public string? Output { get; set; }

    /// <summary>Warnings (lint findings) are errors.</summary>
    [Option("strict", HelpText = "Treat warnings (lint findings such as Keystone's port 35357 after Pike) as errors.")]
    public bool Strict { get; set; }

    /// <summary>Compare with a committed review tree instead of writing: a folder bake wrote, or its review/ copied.</summary>
    [Option("check", MetaValue = "DIR", HelpText = "Write nothing: render in memory and compare with the review tree in DIR (a bake's output folder, or its review/ folder); exit 1 naming each differing file.")]
    public string? Check { get; set; }

    /// <summary>Real secret values in review/ instead of placeholders.</summary>
    [Option("reveal", HelpText = "Write real secret values into review/ instead of <secret:FIELD> placeholders (warned; never commit it).")]
    public bool Reveal { get; set; }

    /// <summary>Base folder of <c>{file: PATH}</c> secrets (default: the parameter file's folder).</summary>
    [Option("files-dir", HelpText = "Folder that {file: PATH} secrets are relative to (default: the parameter file's folder).")]
    public string? FilesDir { get; set; }
}

/// <summary><c>glancebake validate PARAMS</c>.</summary>
[Verb("validate", HelpText = "Load and validate a parameter file; print diagnostics.")]
public sealed class ValidateOptions
{
    /// <summary>The parameter file.</summary>
    [Value(0, MetaName = "PARAMS", Required = true, HelpText = "Parameter file (YAML, schema 1).")]
    public string Params { get; set; } = "";

    /// <summary>Anything after PARAMS: a usage error.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>Warnings are errors.</summary>
    [Option("strict", HelpText = "Treat warnings as errors.")]
    public bool Strict { get; set; }

    /// <summary>Base folder of <c>{file: PATH}</c> secrets (default: the parameter file's folder).</summary>
    [Option("files-dir", HelpText = "Folder that {file: PATH} secrets are relative to (default: the parameter file's folder).")]
    public string? FilesDir { get; set; }
}

/// <summary><c>glancebake lint PARAMS [--strict]</c>.</summary>
[Verb("lint", HelpText = "Report, with line and column, every choice the target release deprecates or has removed.")]
public sealed class LintOptions
{
    /// <summary>The parameter file.</summary>
    [Value(0, MetaName = "PARAMS", Required = true, HelpText = "Parameter file (YAML, schema 1).")]
    public string Params { get; set; } = "";

    /// <summary>Anything after PARAMS: a usage error.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>Findings are errors (exit 1).</summary>
    [Option("strict", HelpText = "Treat findings as errors (exit 1).")]
    public bool Strict { get; set; }

    /// <summary>Base folder of <c>{file: PATH}</c> secrets (default: the parameter file's folder).</summary>
    [Option("files-dir", HelpText = "Folder that {file: PATH} secrets are relative to (default: the parameter file's folder).")]
    public string? FilesDir { get; set; }
}

/// <summary><c>glancebake targets</c>.</summary>
[Verb("targets", HelpText = "List the supported OpenStack release / distro pairs, where Glance comes from, and how each is proven.")]
public sealed class TargetsOptions
{
}

/// <summary><c>glancebake init [PATH]</c>.</summary>
[Verb("init", HelpText = "Write a commented starter parameter file holding the install guide's values.")]
public sealed class InitOptions
{
    /// <summary>Where to write; default <c>controller.yaml</c>.</summary>
    [Value(0, MetaName = "PATH", Default = "controller.yaml", HelpText = "File to create.")]
    public string Path { get; set; } = "controller.yaml";

    /// <summary>Overwrite an existing file.</summary>
    [Option('f', "force", HelpText = "Overwrite the file if it exists.")]
    public bool Force { get; set; }
}

/// <summary><c>glancebake schema</c>.</summary>
[Verb("schema", HelpText = "Print the JSON Schema (draft 2020-12) of the parameter file, for editors (yaml-language-server).")]
public sealed class SchemaOptions
{
}

/// <summary><c>glancebake inspect ISO</c>.</summary>
[Verb("inspect", HelpText = "List a NoCloud seed image (ours, genisoimage's, cloud-localds', xorriso's): label, descriptors, extensions, files; check cloud-init's NoCloud rules (exit 1 on any problem).")]
public sealed class InspectOptions
{
    /// <summary>The image.</summary>
    [Value(0, MetaName = "ISO", Required = true, HelpText = "Seed image (ISO 9660).")]
    public string Image { get; set; } = "";

    /// <summary>Anything after ISO: a usage error.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];
}

/// <summary><c>glancebake secrets PARAMS [--files-dir DIR]</c>.</summary>
[Verb("secrets", HelpText = "Add random values to the secrets files ({file: NAME.yaml}) the parameter file refers to; never changes an existing value.")]
public sealed class SecretsOptions
{
    /// <summary>The parameter file.</summary>
    [Value(0, MetaName = "PARAMS", Required = true, HelpText = "Parameter file (YAML, schema 1).")]
    public string Params { get; set; } = "";

    /// <summary>Anything after PARAMS: a usage error.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>Base folder of <c>{file: PATH}</c> secrets (default: the parameter file's folder).</summary>
    [Option("files-dir", HelpText = "Folder that {file: PATH} secrets are relative to (default: the parameter file's folder).")]
    public string? FilesDir { get; set; }
}

/// <summary><c>glancebake diff OLD NEW</c>.</summary>
[Verb("diff", HelpText = "Unified diff of the review trees of OLD and NEW (parameter files or baked folders); exit 1 when they differ.")]
public sealed class DiffOptions
{
    /// <summary>The old side.</summary>
    [Value(0, MetaName = "OLD", Required = true, HelpText = "Parameter file, bake output folder, or review/ folder.")]
    public string Old { get; set; } = "";

    /// <summary>The new side.</summary>
    [Value(1, MetaName = "NEW", Required = true, HelpText = "Parameter file, bake output folder, or review/ folder.")]
    public string New { get; set; } = "";

    /// <summary>Anything after NEW: a usage error.</summary>
    [Value(2, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>Base folder of <c>{file: PATH}</c> secrets.</summary>
    [Option("files-dir", HelpText = "Folder that {file: PATH} secrets are relative to (default: each parameter file's folder).")]
    public string? FilesDir { get; set; }
}

using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Seed;

namespace GlanceBake.Cli;

/// <summary>
/// The command line: parses arguments (<see cref="CommandLineSpec"/>), runs one verb, prints diagnostics MSBuild-style to
/// standard error and returns the exit code (see <see cref="ExitCodes"/>). The only place that reads the
/// environment (<c>SOURCE_DATE_EPOCH</c>) and touches the console.
/// </summary>
public static class GlanceBakeApp
{
    /// <summary>Runs GlanceBake.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where diagnostics, help and usage errors go.</param>
    /// <param name="getEnv">Environment lookup (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnv)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine(CommandLineSpec.Help(null));
            return ExitCodes.Usage;
        }

        switch (args[0])
        {
            case "--help" or "help":
                stdout.WriteLine(CommandLineSpec.Help(args.Length > 1 ? CommandLineSpec.Find(args[1]) : null));
                return ExitCodes.Ok;
            case "--version" or "version":
                stdout.WriteLine($"glancebake {CommandLineSpec.Version}");
                return ExitCodes.Ok;
        }

        if (CommandLineSpec.Find(args[0]) is not { } verb)
        {
            stderr.WriteLine(CommandLineSpec.Help(null));
            return ExitCodes.Usage;
        }

        var rest = args[1..];
        if (rest.Contains("--help"))
        {
            stdout.WriteLine(CommandLineSpec.Help(verb));
            return ExitCodes.Ok;
        }

        if (rest.Contains("--version"))
        {
            stdout.WriteLine($"glancebake {CommandLineSpec.Version}");
            return ExitCodes.Ok;
        }

        if (!CommandLineSpec.TryParse(verb, rest, out var parsed, out var error))
        {
            if (error is { Length: > 0 })
            {
                stderr.WriteLine($"glancebake: error GB0002: {error}");
            }
            else
            {
                stderr.WriteLine(CommandLineSpec.Help(verb));
            }

            return ExitCodes.Usage;
        }

        var o = parsed!;
        try
        {
            return verb.Name switch
            {
                "bake" => Bake(new BakeOptions
                {
                    Params = o.Values[0], Extra = o.Extra, Output = o.String("output"), Strict = o.Flag("strict"),
                    Check = o.String("check"), Reveal = o.Flag("reveal"), FilesDir = o.String("files-dir"),
                }, stdout, stderr, getEnv),
                "validate" => Validate(new ValidateOptions
                {
                    Params = o.Values[0], Extra = o.Extra, Strict = o.Flag("strict"), FilesDir = o.String("files-dir"),
                }, stdout, stderr, getEnv),
                "lint" => Lint(new LintOptions
                {
                    Params = o.Values[0], Extra = o.Extra, Strict = o.Flag("strict"), FilesDir = o.String("files-dir"),
                }, stdout, stderr, getEnv),
                "targets" => Targets(stdout),
                "init" => Init(new InitOptions { Path = o.Values[0], Force = o.Flag("force") }, stdout, stderr),
                "schema" => Schema(stdout),
                "inspect" => Inspect(new InspectOptions { Image = o.Values[0], Extra = o.Extra }, stdout, stderr),
                "secrets" => Secrets(new SecretsOptions { Params = o.Values[0], Extra = o.Extra, FilesDir = o.String("files-dir") }, stdout, stderr),
                "diff" => Diff(new DiffOptions
                {
                    Old = o.Values[0], New = o.Values[1], Extra = o.Extra, FilesDir = o.String("files-dir"),
                }, stdout, stderr, getEnv),
                _ => throw new InvalidOperationException($"verb '{verb.Name}' has no handler"),
            };
        }
        catch (Exception e)
        {
            stderr.WriteLine($"glancebake: internal error: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("This is a GlanceBake bug; please report it with the command you ran (not your parameter file's secrets).");
            return ExitCodes.InternalError;
        }
    }

    private static int Bake(BakeOptions o, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnv)
    {
        if (o.Extra.Any())
        {
            stderr.WriteLine($"glancebake: error GB0003: bake takes one parameter file; unexpected '{o.Extra.First()}'");
            return ExitCodes.Usage;
        }

        if (!TryTimestamp(getEnv("SOURCE_DATE_EPOCH"), out var timestamp))
        {
            stderr.WriteLine("glancebake: error GB0001: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, up to the end of 2155 (the last year ISO 9660 dates hold)");
            return ExitCodes.Usage;
        }

        var output = string.IsNullOrEmpty(o.Output) ? "out" : o.Output;
        var loaded = Load(o.Params, o.Strict, stderr, Sources(getEnv, o.FilesDir));
        if (loaded is null)
        {
            return ExitCodes.InputError;
        }

        if (o.Check is { } check)
        {
            return Check(check, o.Params, loaded, timestamp, stdout, stderr);
        }

        if (BundleWriter.RefusalReason(output, Environment.CurrentDirectory) is { } refusal)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.OutputNotOurs, Severity.Error,
                $"refusing to replace the output folder: {refusal}", output, 0, 0));
            return ExitCodes.OutputError;
        }

        OutputFolderLock folderLock;
        try
        {
            // Taken before rendering, so a second bake into the folder fails at once, not after hashing a large image.
            folderLock = OutputFolderLock.Acquire(output);
        }
        catch (OutputFolderBusyException e)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.OutputBusy, Severity.Error, e.Message, output, 0, 0));
            return ExitCodes.OutputError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.OutputIo, Severity.Error,
                $"cannot write the output folder: {e.Message}", output, 0, 0));
            return ExitCodes.OutputError;
        }

        using var held = folderLock;
        // Again under the lock: the check above may have looked while another bake was swapping its tree in.
        if (BundleWriter.RefusalReason(output, Environment.CurrentDirectory) is { } refusalNow)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.OutputNotOurs, Severity.Error,
                $"refusing to replace the output folder: {refusalNow}", output, 0, 0));
            return ExitCodes.OutputError;
        }

        try
        {
            var (bundle, written) = BundleWriter.Write(output, staging => SeedBaker.Bake(loaded, timestamp, o.Reveal, staging), held);
            if (o.Reveal)
            {
                stderr.WriteLine(new Diagnostic(DiagnosticCodes.RevealedSecrets, Severity.Warning,
                    "--reveal: review/ holds the real secret values; do not commit or share it", output, 0, 0));
            }

            stdout.WriteLine($"baked {written.Count} files into {output}/ (seed.iso, instance-id {bundle.InstanceId})");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.OutputIo, Severity.Error,
                $"cannot write the output folder: {e.Message}", output, 0, 0));
            return ExitCodes.OutputError;
        }
    }

    private static int Validate(ValidateOptions o, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnv)
    {
        if (o.Extra.Any())
        {
            stderr.WriteLine($"glancebake: error GB0003: validate takes one parameter file; unexpected '{o.Extra.First()}'");
            return ExitCodes.Usage;
        }

        var loaded = Load(o.Params, o.Strict, stderr, Sources(getEnv, o.FilesDir));
        if (loaded is null)
        {
            return ExitCodes.InputError;
        }

        stdout.WriteLine($"{o.Params}: valid (OpenStack {loaded.Target.Release} on {loaded.Target.Distro})");
        return ExitCodes.Ok;
    }

    private static int Lint(LintOptions o, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnv)
    {
        if (o.Extra.Any())
        {
            stderr.WriteLine($"glancebake: error GB0003: lint takes one parameter file; unexpected '{o.Extra.First()}'");
            return ExitCodes.Usage;
        }

        var sources = Sources(getEnv, o.FilesDir);
        var result = ParameterLoader.LoadFile(o.Params, sources);
        var findings = result.Diagnostics.Count(d => d.Code == DiagnosticCodes.DeprecatedForRelease);
        var loaded = Load(o.Params, o.Strict, stderr, sources, result);
        if (loaded is null)
        {
            return ExitCodes.InputError;
        }

        stdout.WriteLine(findings == 0
            ? $"{o.Params}: nothing deprecated or removed for OpenStack {loaded.Target.Release} on {loaded.Target.Distro}"
            : $"{o.Params}: {findings} warning(s) for OpenStack {loaded.Target.Release} on {loaded.Target.Distro}");
        return ExitCodes.Ok;
    }

    private static int Targets(TextWriter stdout)
    {
        stdout.WriteLine($"{"release",-10} {"distro",-13} {"Glance from",-38} {"cloud-init",-10} proof");
        foreach (var (release, distro) in GlanceBake.Core.Releases.ReleaseCatalog.Pairs)
        {
            var pocket = distro.CloudArchivePocket(release.Name);
            var source = pocket is null ? $"{distro.Codename} (the distro's own)" : $"Cloud Archive {pocket}";
            var proof = distro.Proof == "e2e" && distro.NativeRelease == release.Name
                ? "real services (tests/e2e)" : "snapshot and reader tests only";
            stdout.WriteLine($"{release.Name,-10} {distro.Id,-13} {source,-38} {distro.CloudInit,-10} {proof}");
        }

        foreach (var why in GlanceBake.Core.Releases.ReleaseCatalog.Refused.Values)
        {
            stdout.WriteLine($"not offered: {why}");
        }

        return ExitCodes.Ok;
    }

    private static int Schema(TextWriter stdout)
    {
        stdout.Write(ParameterJsonSchema.Text);
        return ExitCodes.Ok;
    }

    private static int Inspect(InspectOptions o, TextWriter stdout, TextWriter stderr)
    {
        if (o.Extra.Any())
        {
            stderr.WriteLine($"glancebake: error GB0003: inspect takes one image; unexpected '{o.Extra.First()}'");
            return ExitCodes.Usage;
        }

        GlanceBake.Core.Inspection.SeedInspection inspection;
        try
        {
            inspection = GlanceBake.Core.Inspection.SeedImageInspector.Inspect(o.Image);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.IsoUnreadable, Severity.Error, $"cannot read: {e.Message}", o.Image, 0, 0));
            return ExitCodes.InputError;
        }

        stdout.WriteLine($"{o.Image}:");
        foreach (var line in inspection.Listing)
        {
            stdout.WriteLine(line);
        }

        foreach (var d in inspection.Diagnostics)
        {
            stderr.WriteLine(d);
        }

        return inspection.Diagnostics.Count > 0 ? ExitCodes.InputError : ExitCodes.Ok;
    }

    private static int Init(InitOptions o, TextWriter stdout, TextWriter stderr)
    {
        if (File.Exists(o.Path) && !o.Force)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.OutputIo, Severity.Error,
                "the file exists; use --force to overwrite it", o.Path, 0, 0));
            return ExitCodes.OutputError;
        }

        try
        {
            File.WriteAllText(o.Path, StarterFile.Text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.OutputIo, Severity.Error, $"cannot write: {e.Message}", o.Path, 0, 0));
            return ExitCodes.OutputError;
        }

        stdout.WriteLine($"wrote {o.Path}: the install guide's values; replace the placeholder passwords, then run 'glancebake bake {o.Path}'");
        return ExitCodes.Ok;
    }

    /// <summary>Loads <paramref name="path"/> (or takes <paramref name="result"/>), raises warnings to errors when
    /// <paramref name="strict"/>, prints every diagnostic, and returns the parameters or null.</summary>
    private static BakeParameters? Load(string path, bool strict, TextWriter stderr, SecretSources sources, LoadResult? result = null)
    {
        result ??= ParameterLoader.LoadFile(path, sources);
        if (strict)
        {
            result = result.Strict();
        }

        foreach (var d in result.Diagnostics)
        {
            stderr.WriteLine(d);
        }

        return result.Parameters;
    }

    private static int Check(string folder, string paramsPath, BakeParameters p, DateTimeOffset timestamp, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.OutputIo, Severity.Error,
                "--check needs a folder bake wrote, or its review/ folder", folder, 0, 0));
            return ExitCodes.Usage;
        }

        var committed = ReviewTrees.FromFolder(folder);
        var rendered = ReviewTrees.FromParameters(p, timestamp);
        var root = Directory.Exists(Path.Combine(folder, "review")) ? Path.Combine(folder, "review") : folder;
        var differences = ReviewTrees.Compare(committed, rendered);
        foreach (var (path, change) in differences)
        {
            var what = change switch
            {
                "missing" => $"is in the committed review tree but {paramsPath} no longer bakes it",
                "new" => $"is missing: {paramsPath} bakes it",
                _ => $"differs from what {paramsPath} bakes",
            };
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.ReviewDiffers, Severity.Error, what,
                Path.Combine(root, path), 0, 0));
        }

        stdout.WriteLine(differences.Count == 0
            ? $"{root}: up to date with {paramsPath} ({committed.Count} files)"
            : $"{root}: {differences.Count} file(s) differ from what {paramsPath} bakes; run 'glancebake diff {root} {paramsPath}' to see how");
        return differences.Count == 0 ? ExitCodes.Ok : ExitCodes.InputError;
    }

    private static int Diff(DiffOptions o, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnv)
    {
        if (o.Extra.Any())
        {
            stderr.WriteLine($"glancebake: error GB0003: diff takes two arguments; unexpected '{o.Extra.First()}'");
            return ExitCodes.Usage;
        }

        if (!TryTimestamp(getEnv("SOURCE_DATE_EPOCH"), out var timestamp))
        {
            stderr.WriteLine("glancebake: error GB0001: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, up to the end of 2155 (the last year ISO 9660 dates hold)");
            return ExitCodes.Usage;
        }

        ReviewTrees.Tree? Side(string path)
        {
            if (Directory.Exists(path))
            {
                return ReviewTrees.FromFolder(path);
            }

            var p = Load(path, false, stderr, Sources(getEnv, o.FilesDir));
            return p is null ? null : ReviewTrees.FromParameters(p, timestamp);
        }

        var old = Side(o.Old);
        var @new = Side(o.New);
        if (old is null || @new is null)
        {
            return ExitCodes.InputError;
        }

        var diff = ReviewTrees.UnifiedDiff(old, @new);
        stdout.Write(diff);
        return diff.Length == 0 ? ExitCodes.Ok : ExitCodes.InputError;
    }

    /// <summary>Secret sources: the environment through <paramref name="getEnv"/>, files below --files-dir.</summary>
    private static SecretSources Sources(Func<string, string?> getEnv, string? filesDir) =>
        new(getEnv, string.IsNullOrEmpty(filesDir) ? null : Path.GetFullPath(filesDir));

    private static int Secrets(SecretsOptions o, TextWriter stdout, TextWriter stderr)
    {
        if (o.Extra.Any())
        {
            stderr.WriteLine($"glancebake: error GB0003: secrets takes one parameter file; unexpected '{o.Extra.First()}'");
            return ExitCodes.Usage;
        }

        IReadOnlyList<SecretsGenerator.Outcome> outcomes;
        try
        {
            outcomes = SecretsGenerator.Fill(o.Params, string.IsNullOrEmpty(o.FilesDir) ? null : Path.GetFullPath(o.FilesDir));
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.BadPath, Severity.Error, e.Message, o.Params, 0, 0));
            return ExitCodes.InputError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.OutputIo, Severity.Error, $"cannot write a secrets file: {e.Message}", o.Params, 0, 0));
            return ExitCodes.OutputError;
        }

        if (outcomes.Count == 0)
        {
            stdout.WriteLine($"{o.Params}: no secret refers to a secrets file ({{file: secrets.yaml}}); nothing to write");
        }

        foreach (var r in outcomes)
        {
            stdout.WriteLine(r.Added.Count == 0
                ? $"{r.File}: every secret already set ({string.Join(", ", r.Kept)})"
                : $"{r.File}: added {string.Join(", ", r.Added)}" + (r.Kept.Count > 0 ? $"; kept {string.Join(", ", r.Kept)}" : ""));
        }

        return ExitCodes.Ok;
    }

    /// <summary>2155-12-31T23:59:59Z: ECMA-119 9.1.5 recording dates count years from 1900 in one byte.</summary>
    private const long LastIsoSecond = 5_869_583_999;

    private static bool TryTimestamp(string? epoch, out DateTimeOffset timestamp)
    {
        timestamp = SeedBaker.DefaultTimestamp;
        if (string.IsNullOrEmpty(epoch))
        {
            return true;
        }

        if (long.TryParse(epoch, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
                out var seconds) && seconds <= LastIsoSecond)
        {
            timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        return false;
    }
}

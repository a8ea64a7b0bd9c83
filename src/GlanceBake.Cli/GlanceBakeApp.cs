using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Seed;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace GlanceBake.Cli;

/// <summary>
/// The command line: parses arguments with System.CommandLine (<see cref="CreateCommandLine"/>), runs one verb, prints
/// diagnostics MSBuild-style to standard error and returns the exit code (see <see cref="ExitCodes"/>). The only place
/// that reads the environment (<c>SOURCE_DATE_EPOCH</c>) and touches the console.
/// </summary>
public static class GlanceBakeApp
{
    /// <summary>The description shown at the top of <c>glancebake --help</c>.</summary>
    private const string Description = "Bakes a cloud-init NoCloud seed that installs OpenStack Glance on first boot.";

    /// <summary>The version shown by <c>--version</c> (<c>0.1.0</c>, the assembly version's first three parts).</summary>
    public static string Version { get; } = typeof(GlanceBakeApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Runs GlanceBake.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="stdout">Where results and help go.</param>
    /// <param name="stderr">Where diagnostics and usage errors go.</param>
    /// <param name="getEnv">Environment lookup (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <returns>The process exit code: 0 ok (help and version included), 1 input errors, 2 usage errors (unknown verb or
    /// option, missing or extra argument, an option without its value; a message on <paramref name="stderr"/>), 3
    /// output I/O, 70 an internal error.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnv)
    {
        var root = CreateCommandLine(getEnv);
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"glancebake: error GB0002: {error.Message}");
            }

            var verb = parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ";
            stderr.WriteLine($"Run 'glancebake {verb}--help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(invocation);
        }
        catch (Exception e)
        {
            stderr.WriteLine($"glancebake: internal error: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("This is a GlanceBake bug; please report it with the command you ran (not your parameter file's secrets).");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// GlanceBake's command line: one subcommand per verb (README "Command line"), each with its options and arguments;
    /// <c>--help</c> on every verb, <c>--version</c>, and the hidden verbs <c>help [VERB]</c> (the verb's help) and
    /// <c>version</c>. A verb's action returns its exit code and writes to the invocation's output and error writers.
    /// </summary>
    /// <param name="getEnv">Environment lookup the verbs use (<c>SOURCE_DATE_EPOCH</c>, <c>{env: NAME}</c> secrets).</param>
    /// <returns>The root command; parse with <see cref="Command.Parse(IReadOnlyList{string}, ParserConfiguration?)"/>.</returns>
    public static RootCommand CreateCommandLine(Func<string, string?> getEnv)
    {
        var root = new RootCommand(Description);
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case VersionOption version:
                    version.Action = new PrintVersion();
                    break;
                case HelpOption { Action: HelpAction help }:
                    help.MaxWidth = HelpWidth; // the same help on a terminal, in a pipe and in tests
                    break;
            }
        }

        // No verb: the verb index on standard error, a usage error.
        root.SetAction(r =>
        {
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = Err(r), Error = Err(r) });
            return ExitCodes.Usage;
        });

        static Option<string> FilesDir(string help = "Folder that {file: PATH} secrets are relative to (default: the parameter file's folder).") =>
            new("--files-dir") { Description = help, HelpName = "DIR" };
        static Option<bool> Strict(string help) => new("--strict") { Description = help };
        static Argument<string> Required(string name, string help) => NoOptions(new(name) { Description = help });
        static Argument<string> Optional(string name, string help, string fallback) => NoOptions(
            new(name) { Description = help, Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => fallback });
        static Command Verb(string name, string help, params Symbol[] symbols)
        {
            var command = new Command(name, help);
            foreach (var symbol in symbols)
            {
                switch (symbol)
                {
                    case Option o: command.Options.Add(o); break;
                    case Argument a: command.Arguments.Add(a); break;
                }
            }

            return command;
        }

        // bake
        {
            var @params = Optional("PARAMS", "Parameter file (YAML, schema 1).", "examples/controller.yaml");
            var output = new Option<string>("--output", "-o")
            {
                Description = "Output folder (default: out); replaced as a whole when the bake succeeds.", HelpName = "DIR",
            };
            var strict = Strict("Treat warnings (lint findings such as Keystone's port 35357 after Pike) as errors.");
            var check = new Option<string>("--check")
            {
                Description = "Write nothing: render in memory and compare with the review tree in DIR (a bake's output folder, or its review/ folder); exit 1 naming each differing file.",
                HelpName = "DIR",
            };
            var reveal = new Option<bool>("--reveal")
            {
                Description = "Write real secret values into review/ instead of <secret:FIELD> placeholders (warned; never commit it).",
            };
            var filesDir = FilesDir();
            var bake = Verb("bake", "Render the seed (cidata/, review/, seed.iso, SHA256SUMS) from a parameter file.",
                @params, output, strict, check, reveal, filesDir);
            bake.SetAction(r => Bake(new BakeOptions
            {
                Params = r.GetValue(@params)!, Output = r.GetValue(output), Strict = r.GetValue(strict),
                Check = r.GetValue(check), Reveal = r.GetValue(reveal), FilesDir = r.GetValue(filesDir),
            }, Out(r), Err(r), getEnv));
            root.Subcommands.Add(bake);
        }

        // validate, lint
        {
            var @params = Required("PARAMS", "Parameter file (YAML, schema 1).");
            var strict = Strict("Treat warnings as errors.");
            var filesDir = FilesDir();
            var validate = Verb("validate", "Load and validate a parameter file; print diagnostics.", @params, strict, filesDir);
            validate.SetAction(r => Validate(new ValidateOptions
            {
                Params = r.GetValue(@params)!, Strict = r.GetValue(strict), FilesDir = r.GetValue(filesDir),
            }, Out(r), Err(r), getEnv));
            root.Subcommands.Add(validate);
        }

        {
            var @params = Required("PARAMS", "Parameter file (YAML, schema 1).");
            var strict = Strict("Treat findings as errors (exit 1).");
            var filesDir = FilesDir();
            var lint = Verb("lint", "Report, with line and column, every choice the target release deprecates or has removed.",
                @params, strict, filesDir);
            lint.SetAction(r => Lint(new LintOptions
            {
                Params = r.GetValue(@params)!, Strict = r.GetValue(strict), FilesDir = r.GetValue(filesDir),
            }, Out(r), Err(r), getEnv));
            root.Subcommands.Add(lint);
        }

        {
            var targets = Verb("targets", "List the supported OpenStack release / distro pairs, where Glance comes from, and how each is proven.");
            targets.SetAction(r => Targets(Out(r)));
            root.Subcommands.Add(targets);
        }

        {
            var path = Optional("PATH", "File to create.", "controller.yaml");
            var force = new Option<bool>("--force", "-f") { Description = "Overwrite the file if it exists." };
            var init = Verb("init", "Write a commented starter parameter file holding the install guide's values.", path, force);
            init.SetAction(r => Init(new InitOptions { Path = r.GetValue(path)!, Force = r.GetValue(force) }, Out(r), Err(r)));
            root.Subcommands.Add(init);
        }

        {
            var schema = Verb("schema", "Print the JSON Schema (draft 2020-12) of the parameter file, for editors (yaml-language-server).");
            schema.SetAction(r => Schema(Out(r)));
            root.Subcommands.Add(schema);
        }

        {
            var image = Required("ISO", "Seed image (ISO 9660).");
            var inspect = Verb("inspect", "List a NoCloud seed image (ours, genisoimage's, cloud-localds', xorriso's): label, descriptors, extensions, files; check cloud-init's NoCloud rules (exit 1 on any problem).",
                image);
            inspect.SetAction(r => Inspect(new InspectOptions { Image = r.GetValue(image)! }, Out(r), Err(r)));
            root.Subcommands.Add(inspect);
        }

        {
            var @params = Required("PARAMS", "Parameter file (YAML, schema 1).");
            var filesDir = FilesDir();
            var secrets = Verb("secrets", "Add random values to the secrets files ({file: NAME.yaml}) the parameter file refers to; never changes an existing value.",
                @params, filesDir);
            secrets.SetAction(r => Secrets(new SecretsOptions { Params = r.GetValue(@params)!, FilesDir = r.GetValue(filesDir) }, Out(r), Err(r)));
            root.Subcommands.Add(secrets);
        }

        {
            var old = Required("OLD", "Parameter file, bake output folder, or review/ folder.");
            var @new = Required("NEW", "Parameter file, bake output folder, or review/ folder.");
            var filesDir = FilesDir("Folder that {file: PATH} secrets are relative to (default: each parameter file's folder).");
            var diff = Verb("diff", "Unified diff of the review trees of OLD and NEW (parameter files or baked folders); exit 1 when they differ.",
                old, @new, filesDir);
            diff.SetAction(r => Diff(new DiffOptions
            {
                Old = r.GetValue(old)!, New = r.GetValue(@new)!, FilesDir = r.GetValue(filesDir),
            }, Out(r), Err(r), getEnv));
            root.Subcommands.Add(diff);
        }

        // "help VERB" (README): the verb's help, as "VERB --help"; "help" alone: the verb index.
        {
            var verb = new Argument<string>("VERB") { Arity = ArgumentArity.ZeroOrOne };
            var help = new Command("help", "Show the help of VERB.") { Hidden = true };
            help.Arguments.Add(verb);
            help.SetAction(r =>
            {
                var name = r.GetValue(verb);
                var target = root.Subcommands.FirstOrDefault(c => c.Name == name && !c.Hidden);
                return root.Parse(target is null ? ["--help"] : [target.Name, "--help"]).Invoke(r.InvocationConfiguration);
            });
            root.Subcommands.Add(help);
            var version = new Command("version", "Show the version.") { Hidden = true };
            version.SetAction(r => new PrintVersion().Invoke(r));
            root.Subcommands.Add(version);
        }

        return root;
    }

    /// <summary>Help is wrapped at this many columns.</summary>
    private const int HelpWidth = 80;

    /// <summary>System.CommandLine binds a token it does not know as an option (<c>--nope</c>) to a positional argument;
    /// GlanceBake refuses it there (a file named <c>-x</c> is <c>./-x</c>).</summary>
    private static Argument<string> NoOptions(Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
        return argument;
    }

    private static TextWriter Out(ParseResult r) => r.InvocationConfiguration.Output;

    private static TextWriter Err(ParseResult r) => r.InvocationConfiguration.Error;

    /// <summary><c>--version</c>: <c>glancebake 0.1.0</c> (System.CommandLine's own prints the entry assembly's
    /// informational version, which is the test host's under <c>dotnet test</c>).</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"glancebake {Version}");
            return ExitCodes.Ok;
        }
    }

    private static int Bake(BakeOptions o, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnv)
    {
        if (!TryTimestamp(getEnv("SOURCE_DATE_EPOCH"), out var timestamp))
        {
            stderr.WriteLine("glancebake: error GB0001: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, up to the end of 2155 (the last year ISO 9660 dates hold)");
            return ExitCodes.Usage;
        }

        var output = string.IsNullOrEmpty(o.Output) ? "out" : o.Output;
        SeedBaker.Prewarm();
        var loaded = Load(o.Params, o.Strict, stderr, Sources(getEnv, o.FilesDir));
        if (loaded is null)
        {
            return ExitCodes.InputError;
        }

        if (o.Check is { } check)
        {
            return Check(check, o.Params, loaded, timestamp, stdout, stderr);
        }

        // An output error: the diagnostic on stderr, exit 3.
        int OutputError(string code, string message)
        {
            stderr.WriteLine(new Diagnostic(code, Severity.Error, message, output, 0, 0));
            return ExitCodes.OutputError;
        }

        if (BundleWriter.RefusalReason(output, Environment.CurrentDirectory) is { } refusal)
        {
            return OutputError(DiagnosticCodes.OutputNotOurs, $"refusing to replace the output folder: {refusal}");
        }

        OutputFolderLock folderLock;
        try
        {
            // Taken before rendering, so a second bake into the folder fails at once, not after hashing a large image.
            folderLock = OutputFolderLock.Acquire(output);
        }
        catch (OutputFolderBusyException e)
        {
            return OutputError(DiagnosticCodes.OutputBusy, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return OutputError(DiagnosticCodes.OutputIo, $"cannot write the output folder: {e.Message}");
        }

        using var held = folderLock;
        // Again under the lock: the check above may have looked while another bake was swapping its tree in.
        if (BundleWriter.RefusalReason(output, Environment.CurrentDirectory) is { } refusalNow)
        {
            return OutputError(DiagnosticCodes.OutputNotOurs, $"refusing to replace the output folder: {refusalNow}");
        }

        try
        {
            var (bundle, written) = BundleWriter.Write(output, staging => SeedBaker.Bake(loaded, timestamp, o.Reveal, staging), held);
            if (o.Reveal)
            {
                stderr.WriteLine(new Diagnostic(DiagnosticCodes.RevealedSecrets, Severity.Warning,
                    "--reveal: review/ holds the real secret values; do not commit or share it", output, 0, 0));
            }

            // A derived instance-id is a hash over user-data, which holds the secrets: kept out of logs (it is in
            // cidata/meta-data, owner-only, like the secrets); a pinned one is the user's own value.
            var iid = loaded.Controller.InstanceId is null ? "instance-id derived, in cidata/meta-data" : $"instance-id {bundle.InstanceId}";
            stdout.WriteLine($"baked {written.Count} files into {output}/ (seed.iso, {iid})");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return OutputError(DiagnosticCodes.OutputIo, $"cannot write the output folder: {e.Message}");
        }
    }

    private static int Validate(ValidateOptions o, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnv)
    {
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

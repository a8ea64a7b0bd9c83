using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GlanceBake.Cli;
using GlanceBake.Core.Inspection;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Seed;

namespace GlanceBake.Fuzz;

/// <summary>
/// The fuzz run: mutates the seed inputs (tests/bad-input, examples, tests/scenarios, tests/e2e) and runs each
/// through the real command line in-process, <c>glancebake bake INPUT -o OUT</c> (load, validate, render, ISO,
/// out/), with <c>--strict</c> or <c>--reveal</c> now and then. An input passes when bake exits 0 (and the seed it
/// wrote passes <c>inspect</c>'s NoCloud checks) or exits 1 with diagnostics. Anything else is a crash: another
/// exit code (70 is an unhandled exception), an exception out of the CLI, a bake that takes longer than the
/// per-input timeout (a hang), or a success whose seed does not inspect clean. Crashing inputs are written to the
/// crash folder with the exception's stack (from the same pipeline run without the CLI's catch-all).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var inputs = 100_000;
        var seed = 1;
        var timeout = TimeSpan.FromSeconds(20);
        string? crashes = null;
        string? replay = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--inputs": inputs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--timeout": timeout = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                case "--crashes": crashes = Path.GetFullPath(args[++i]); break;
                case "--replay": replay = Path.GetFullPath(args[++i]); break;
                default:
                    Console.Error.WriteLine("usage: GlanceBake.Fuzz [--inputs N] [--seed N] [--timeout SECONDS] [--crashes DIR] [--replay FILE]");
                    return 2;
            }
        }

        var repo = FindRepo();
        var work = Directory.CreateTempSubdirectory("glancebake-fuzz-").FullName;
        crashes ??= Path.Combine(work, "crashes");
        try
        {
            var corpus = SeedCorpus.Copy(repo, work);
            if (replay is not null)
            {
                var outcome = RunOne(File.ReadAllBytes(replay), ["bake"], corpus.InputFolder, work, timeout);
                Console.WriteLine(outcome.Crash is null ? $"ok: exit {outcome.ExitCode}" : $"CRASH: {outcome.Crash}\n{outcome.Stderr}");
                return outcome.Crash is null ? 0 : 1;
            }

            return Fuzz(corpus, work, crashes, inputs, seed, timeout);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // a hung bake may still hold a file
            }
        }
    }

    private static int Fuzz(SeedCorpus corpus, string work, string crashes, int inputs, int seed, TimeSpan timeout)
    {
        var mutator = new Mutator(corpus.Seeds);
        var watch = Stopwatch.StartNew();
        var exits = new SortedDictionary<int, int>();
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var crashCount = 0;
        Console.WriteLine($"fuzz: {corpus.Seeds.Count} seeds, {inputs} inputs, seed {seed}, timeout {timeout.TotalSeconds} s per input, work folder {work}");
        for (var n = 0; n < inputs; n++)
        {
            // One Random per input: input n is the same in every run with the same seed, whatever came before.
            var rng = new Random(HashCode.Combine(seed, n) ^ (n * 7919));
            var data = mutator.Next(rng);
            string[] flags = rng.Next(10) switch { 0 => ["bake", "--strict"], 1 => ["bake", "--reveal"], _ => ["bake"] };
            var outcome = RunOne(data, flags, corpus.InputFolder, work, timeout);
            exits[outcome.ExitCode] = exits.GetValueOrDefault(outcome.ExitCode) + 1;
            if (outcome.Crash is not null)
            {
                crashCount++;
                var signature = outcome.Signature;
                distinct[signature] = distinct.GetValueOrDefault(signature) + 1;
                if (distinct[signature] <= 3)
                {
                    Directory.CreateDirectory(crashes);
                    var name = $"crash-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signature)))[..8]}-{n}";
                    File.WriteAllBytes(Path.Combine(crashes, name + ".yaml"), data);
                    File.WriteAllText(Path.Combine(crashes, name + ".txt"),
                        $"input {n} (seed {seed}), args: {string.Join(' ', flags)}\n{outcome.Crash}\n--- stderr\n{outcome.Stderr}\n--- stack\n{outcome.Stack}\n");
                    Console.WriteLine($"CRASH at input {n}: {outcome.Crash} -> {Path.Combine(crashes, name)}.yaml");
                }

                if (outcome.Hung)
                {
                    Console.WriteLine("fuzz: stopping after a hang (its thread cannot be stopped)");
                    inputs = n + 1;
                    break;
                }
            }

            if ((n + 1) % 5000 == 0)
            {
                Console.WriteLine($"fuzz: {n + 1} inputs, {crashCount} crashes, {(n + 1) / watch.Elapsed.TotalSeconds:F0}/s, exits {Exits(exits)}");
            }
        }

        Console.WriteLine($"fuzz: done: {inputs} inputs in {watch.Elapsed.TotalSeconds:F0} s, exits {Exits(exits)}; {crashCount} crashes ({distinct.Count} distinct)");
        foreach (var (signature, count) in distinct)
        {
            Console.WriteLine($"  {count} x {signature}");
        }

        return crashCount == 0 ? 0 : 1;
    }

    private static string Exits(SortedDictionary<int, int> exits) =>
        string.Join(", ", exits.Select(e => $"{e.Key}: {e.Value}"));

    private sealed record Outcome(int ExitCode, string Stderr, string? Crash, string? Stack, bool Hung = false)
    {
        public string Signature => Hung ? "hang" : $"{ExitCode}: {Crash}";
    }

    private static Outcome RunOne(byte[] data, string[] flags, string inputFolder, string work, TimeSpan timeout)
    {
        var input = Path.Combine(inputFolder, "params.yaml");
        var output = Path.Combine(work, "out");
        File.WriteAllBytes(input, data);
        var stderr = new StringWriter();
        var stdout = new StringWriter();
        int code = -1;
        Exception? escaped = null;
        var thread = new Thread(() =>
        {
            try
            {
                code = GlanceBakeApp.Run([.. flags, input, "-o", output], stdout, stderr, HostileValues.Env);
            }
            catch (Exception e)
            {
                escaped = e;
            }
        }, 16 << 20) { IsBackground = true };
        thread.Start();
        if (!thread.Join(timeout))
        {
            return new Outcome(-1, "", $"hang: no result within {timeout.TotalSeconds} s", null, Hung: true);
        }

        var err = stderr.ToString();
        if (escaped is not null)
        {
            return new Outcome(-2, err, $"exception out of the CLI: {escaped.GetType().Name}", escaped.ToString());
        }

        if (code == 0)
        {
            var inspection = SeedImageInspector.Inspect(Path.Combine(output, "seed.iso"));
            return inspection.Diagnostics.Count == 0 ? new Outcome(0, err, null, null)
                : new Outcome(0, err, $"baked seed fails inspect: {inspection.Diagnostics[0].Code}", string.Join('\n', inspection.Diagnostics));
        }

        if (code == 1 && err.Contains(": error GB", StringComparison.Ordinal))
        {
            return new Outcome(1, err, null, null);
        }

        var first = err.Split('\n')[0];
        var crash = code == 70 ? first.Replace(input, "params.yaml", StringComparison.Ordinal) : $"exit {code}: {first}";
        return new Outcome(code, err, crash, StackOf(input, flags, output));
    }

    /// <summary>The same pipeline as <c>bake</c>, without the CLI's catch-all, for the exception's stack.</summary>
    private static string StackOf(string input, string[] flags, string output)
    {
        try
        {
            var result = ParameterLoader.LoadFile(input, new SecretSources(HostileValues.Env));
            if (flags.Contains("--strict"))
            {
                result = result.Strict();
            }

            if (result.Parameters is { } p)
            {
                BundleWriter.Write(SeedBaker.Bake(p, SeedBaker.DefaultTimestamp, flags.Contains("--reveal")), output + "-stack");
            }

            return "(not reproduced outside the CLI)";
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GlanceBake.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the GlanceBake repository");
    }
}

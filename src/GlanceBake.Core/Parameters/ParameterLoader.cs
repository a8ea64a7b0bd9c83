using GlanceBake.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Parameters;

/// <summary>
/// Loads a parameter file (YAML, schema 1), checks every value and fills defaults. All problems are collected
/// (unknown keys GB1002, wrong kinds GB1003, missing keys GB1004, bad values GB2xxx) and returned together;
/// the model is null when any is an error. Secret values never appear in messages.
/// </summary>
public static class ParameterLoader
{
    /// <summary>The schema version this GlanceBake reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Reads and validates the file at <paramref name="path"/>; paths inside it are relative to its folder.</summary>
    /// <param name="path">The file as the user named it; used verbatim in diagnostics.</param>
    /// <param name="sources">Where <c>{env: NAME}</c> and <c>{file: PATH}</c> secrets are read; default
    /// <see cref="SecretSources.None"/> (no environment, files beside the parameter file).</param>
    public static LoadResult LoadFile(string path, SecretSources? sources = null)
    {
        var text = ReadText(path, out var failure);
        if (text is null)
        {
            return Failed(failure!.Value.Message, failure.Value.At);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Environment.CurrentDirectory;
        return Load(text, path, folder, sources);
    }

    /// <summary>
    /// The text of a parameter file as every reader of one takes it: at most <see cref="YamlInputChecks.MaxFileBytes"/>
    /// bytes (a bigger or endless file is refused before it is read whole), valid UTF-8, not a folder. Null with
    /// <paramref name="failure"/> (message and position) otherwise.
    /// </summary>
    internal static string? ReadText(string path, out (string Message, SourceLocation At)? failure)
    {
        failure = null;
        byte[]? bytes;
        try
        {
            bytes = Directory.Exists(path) ? null : YamlInputChecks.ReadCapped(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = ($"cannot read the parameter file: {e.Message}", SourceLocation.WholeFile(path));
            return null;
        }

        if (bytes is null)
        {
            failure = (Directory.Exists(path) ? "the parameter file is a folder"
                : $"the parameter file is larger than {YamlInputChecks.MaxFileBytes / 1024} KiB (or endless, such as /dev/zero)",
                SourceLocation.WholeFile(path));
            return null;
        }

        var text = YamlInputChecks.DecodeUtf8(bytes, path, out var invalidAt);
        if (text is null)
        {
            failure = ("the parameter file is not valid UTF-8 here", invalidAt!.Value);
        }

        return text;
    }

    /// <summary>Validates parameter text.</summary>
    /// <param name="text">YAML text.</param>
    /// <param name="file">Name shown in diagnostics.</param>
    /// <param name="baseDirectory">Folder that relative paths in the file (the image file) are resolved against.</param>
    /// <param name="sources">Where <c>{env: NAME}</c> and <c>{file: PATH}</c> secrets are read.</param>
    public static LoadResult Load(string text, string file, string baseDirectory, SecretSources? sources = null)
    {
        var bag = new DiagnosticBag();
        YamlMappingNode? root = null;
        try
        {
            if (YamlInputChecks.Load(text, file, out var problem) is not { } stream)
            {
                bag.Error(DiagnosticCodes.YamlSyntax, problem!.Value.Message, problem.Value.At);
                return new LoadResult(null, bag.Items);
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                bag.Error(DiagnosticCodes.WrongType, "the parameter file must be a YAML mapping (key: value lines)",
                    new SourceLocation(file, 1, 1));
            }
            else
            {
                root = map;
            }

            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode.Start;
                bag.Error(DiagnosticCodes.YamlSyntax,
                    "the parameter file holds more than one YAML document ('---'); GlanceBake reads exactly one",
                    new SourceLocation(file, (int)second.Line, (int)second.Column));
            }
        }
        catch (YamlException e)
        {
            var code = e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
                || e.InnerException?.Message.Contains("same key", StringComparison.OrdinalIgnoreCase) == true
                ? DiagnosticCodes.DuplicateKey
                : DiagnosticCodes.YamlSyntax;
            var message = code == DiagnosticCodes.DuplicateKey ? "the same key appears twice in one mapping"
                : $"not valid YAML: {FirstSentence(e.Message)}";
            bag.Error(code, message, YamlErrorPosition.Of(e, text, file));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 throws this (without a mark) for some unclosed flow collections, e.g. "[a".
            bag.Error(DiagnosticCodes.YamlSyntax,
                "not valid YAML: a flow collection ([...] or {...}) or a quoted value is not closed",
                LastGoodPosition(text, file));
        }
        catch (ArgumentException)
        {
            // YamlDotNet's mapping node reports a duplicate key as a dictionary ArgumentException, without a mark.
            bag.Error(DiagnosticCodes.DuplicateKey, "the same key appears twice in one mapping",
                YamlErrorPosition.DuplicateKey(text, file) ?? SourceLocation.WholeFile(file));
        }

        if (root is null)
        {
            return new LoadResult(null, bag.Items);
        }

        var model = new ParameterBinder(root, file, baseDirectory, bag, sources ?? SecretSources.None).Bind();
        return new LoadResult(bag.HasErrors ? null : model, bag.Items);
    }

    private static LoadResult Failed(string message, SourceLocation at)
    {
        var bag = new DiagnosticBag();
        bag.Error(DiagnosticCodes.YamlSyntax, message, at);
        return new LoadResult(null, bag.Items);
    }

    /// <summary>Where YamlDotNet's parser stopped making sense: the start of the last event it produced.</summary>
    private static SourceLocation LastGoodPosition(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var at = new SourceLocation(file, 1, 1);
        try
        {
            while (parser.MoveNext())
            {
                at = new SourceLocation(file, (int)parser.Current!.Start.Line, (int)parser.Current.Start.Column);
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // the position of the last good event is the answer
        }

        return at;
    }

    private static string FirstSentence(string message)
    {
        // YamlDotNet messages start with "(Line: 3, Col: 1, Idx: ...) - (...): " before the text.
        var idx = message.LastIndexOf("): ", StringComparison.Ordinal);
        return idx >= 0 ? message[(idx + 3)..] : message;
    }
}

/// <summary>The outcome of loading: the model (null when any error) and every diagnostic, sorted.</summary>
/// <param name="Parameters">The validated parameters, or null.</param>
/// <param name="Diagnostics">Errors and warnings, sorted by position.</param>
public sealed record LoadResult(BakeParameters? Parameters, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the parameters can be baked.</summary>
    public bool Succeeded => Parameters is not null;

    /// <summary>
    /// The same result with every warning (lint findings such as <see cref="DiagnosticCodes.DeprecatedForRelease"/>,
    /// a pinned instance-id) raised to an error, and no parameters when there was any: <c>--strict</c>.
    /// </summary>
    public LoadResult Strict()
    {
        var raised = Diagnostics.Select(d => d with { Severity = Severity.Error }).ToList();
        return new LoadResult(raised.Count == 0 ? Parameters : null, raised);
    }
}

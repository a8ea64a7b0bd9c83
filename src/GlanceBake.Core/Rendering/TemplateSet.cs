using System.Collections.Concurrent;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace GlanceBake.Core.Rendering;

/// <summary>
/// The Scriban templates under <c>templates/</c>, embedded in this assembly under their relative path
/// (<c>rootfs/etc/glance/glance-api.conf.sbn</c>). A template's path mirrors the path it renders to.
/// <c>{{ include 'name' }}</c> resolves to <c>_shared/name.sbn</c>. Parse errors are collected, not thrown.
/// </summary>
public sealed class TemplateSet : ITemplateLoader
{
    private const string Prefix = "templates/";
    private readonly Dictionary<string, string> _sources;
    // Bakes run in parallel (a bake's seed and review tree, the test suite, any host embedding the library): the cache
    // of parsed templates is shared, and each template is parsed once (Lazy: a second reader waits for the first).
    private readonly ConcurrentDictionary<string, Lazy<Template>> _parsed = new(StringComparer.Ordinal);

    private TemplateSet(Dictionary<string, string> sources) => _sources = sources;

    /// <summary>The templates embedded in GlanceBake.Core.</summary>
    public static TemplateSet Embedded { get; } = LoadEmbedded();

    /// <summary>Relative paths of every template, sorted (<c>rootfs/root/admin-openrc.sbn</c>).</summary>
    public IReadOnlyList<string> Paths => [.. _sources.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The source text of a template.</summary>
    public string Source(string path) => _sources[path];

    /// <summary>The parsed template at <paramref name="path"/>; throws <see cref="InvalidOperationException"/>
    /// listing every parse message (0-based Scriban positions are shown 1-based).</summary>
    public Template Get(string path) =>
        _parsed.GetOrAdd(path, static (p, sources) => new Lazy<Template>(() => Parse(p, sources)), _sources).Value;

    private static Template Parse(string path, Dictionary<string, string> sources)
    {
        var t = Template.Parse(sources[path], path);
        if (t.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine,
                t.Messages.Select(m => $"templates/{path}({m.Span.Start.Line + 1},{m.Span.Start.Column + 1}): {m.Message}")));
        }

        return t;
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        $"_shared/{templateName}.sbn";

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        _sources.TryGetValue(templatePath, out var s) ? s
            : throw new InvalidOperationException($"template include '{templatePath}' does not exist");

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(((ITemplateLoader)this).Load(context, callerSpan, templatePath));

    private static TemplateSet LoadEmbedded()
    {
        var asm = typeof(TemplateSet).Assembly;
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, EscapeFilters.Utf8);
            sources[name[Prefix.Length..]] = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        return new TemplateSet(sources);
    }
}

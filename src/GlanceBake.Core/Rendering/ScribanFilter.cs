using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace GlanceBake.Core.Rendering;

/// <summary>
/// One <see cref="EscapeFilters"/> method as a Scriban function, with typed parameters and no reflection.
/// Scriban's <c>DelegateCustomFunction</c> calls its delegate through reflection, and its base class
/// <c>DynamicCustomFunction</c> builds a table over every Scriban builtin by reflection on first use: in the Native
/// AOT binary that was 8% of a whole bake's CPU samples (perf). Scriban converts each argument to
/// <see cref="ScriptParameterInfo.ParameterType"/> before <see cref="Invoke"/> (Scriban
/// <c>ScriptFunctionCall.Call</c>); <see cref="Invoke"/> converts again with <see cref="TemplateContext.ToObject{T}"/>,
/// which keeps a value of the right type as it is.
/// </summary>
internal sealed class ScribanFilter : IScriptCustomFunction
{
    private readonly ScriptParameterInfo[] _parameters;
    private readonly Func<TemplateContext, SourceSpan, ScriptArray, string> _call;

    private ScribanFilter(ScriptParameterInfo[] parameters, Func<TemplateContext, SourceSpan, ScriptArray, string> call)
    {
        _parameters = parameters;
        _call = call;
    }

    /// <summary>A filter of one parameter (the piped value).</summary>
    public static ScribanFilter Of<T>(Func<T, string> filter) =>
        new([new(typeof(T), "value")], (c, span, a) => filter(c.ToObject<T>(span, a[0])!));

    /// <summary>A filter of the piped value and one argument (<c>{{ list | join_list ',' }}</c>).</summary>
    public static ScribanFilter Of<T1, T2>(Func<T1, T2, string> filter, string secondName) =>
        new([new(typeof(T1), "value"), new(typeof(T2), secondName)],
            (c, span, a) => filter(c.ToObject<T1>(span, a[0])!, c.ToObject<T2>(span, a[1])!));

    /// <inheritdoc />
    public int RequiredParameterCount => _parameters.Length;

    /// <inheritdoc />
    public int ParameterCount => _parameters.Length;

    /// <inheritdoc />
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    /// <inheritdoc />
    public Type ReturnType => typeof(string);

    /// <inheritdoc />
    public ScriptParameterInfo GetParameterInfo(int index) => _parameters[index];

    /// <inheritdoc />
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        _call(context, callerContext?.Span ?? context.CurrentSpan, arguments);

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}

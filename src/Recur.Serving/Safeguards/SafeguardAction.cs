namespace Recur.Serving.Safeguards;

/// <summary>What an input guard does to an instance it fires on.</summary>
public enum SafeguardAction
{
    /// <summary>The request is refused (HTTP 400) with an error naming the instance, the field and the rule.</summary>
    Reject,

    /// <summary>The value is clamped into the training range before the model scores it (range guards only).</summary>
    Clamp,

    /// <summary>The instance is answered by the heuristic baseline instead of the model.</summary>
    Fallback,

    /// <summary>The instance is answered normally and the rule listed.</summary>
    Flag,
}

/// <summary>The names of <see cref="SafeguardAction"/> as recur.yaml spells them.</summary>
public static class SafeguardActions
{
    /// <summary>The word that turns a guard off for one column (<c>safeguards.inputs.columns.C.range: off</c>).</summary>
    public const string Off = "off";

    /// <summary>Every action by its name.</summary>
    public static readonly IReadOnlyDictionary<string, SafeguardAction> ByName = new Dictionary<string, SafeguardAction>(StringComparer.Ordinal)
    {
        ["reject"] = SafeguardAction.Reject,
        ["clamp"] = SafeguardAction.Clamp,
        ["fallback"] = SafeguardAction.Fallback,
        ["flag"] = SafeguardAction.Flag,
    };

    /// <summary>The action's name in recur.yaml and in rule names.</summary>
    public static string ToName(this SafeguardAction action) => action.ToString().ToLowerInvariant();
}

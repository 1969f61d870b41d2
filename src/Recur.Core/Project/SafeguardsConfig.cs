namespace Recur.Core.Project;

/// <summary>
/// <c>safeguards:</c> rules declared beside the model, not inside it: input guards learned from each version's
/// training profile, an output clamp, overrides, an abstain band and a fallback to the heuristic baseline. Serving
/// (REST and <c>recur predict</c>) applies them to every version; see docs/design/safeguards.md for the order.
/// </summary>
public sealed class SafeguardsConfig
{
    /// <summary>Guards on the inputs, learned from the version's training profile.</summary>
    public InputGuardsConfig Inputs { get; set; } = new();

    /// <summary>Guards on the model's output.</summary>
    public OutputGuardsConfig Outputs { get; set; } = new();

    /// <summary>Business rules that force an answer when their condition holds; the first that holds wins.</summary>
    public List<OverrideConfig> Overrides { get; set; } = [];

    /// <summary>Binary models: a score inside the band answers the neutral label instead of a class; null for none.</summary>
    public AbstainConfig? Abstain { get; set; }

    /// <summary>When the heuristic baseline answers instead of the model.</summary>
    public FallbackConfig Fallback { get; set; } = new();

    /// <summary>Whether any rule is declared.</summary>
    public bool Any => Inputs.Range is not null || Inputs.Domain is not null || Inputs.Missing is not null || Inputs.Columns.Count > 0
        || Outputs.Clamp is not null || Overrides.Count > 0 || Abstain is not null || Fallback.OnError || Fallback.LatencyBudgetMs is not null;
}

/// <summary>
/// Input guards: <c>range</c> (a number outside the training min..max, widened by a margin), <c>domain</c> (a category
/// never seen in training) and <c>missing</c> (a null in a column that was (almost) never missing in training), each
/// with an action, applied to every input of its kind unless a column overrides it.
/// </summary>
public sealed class InputGuardsConfig
{
    /// <summary>The range guard on every numeric input; null for none.</summary>
    public InputGuardConfig? Range { get; set; }

    /// <summary>The domain guard on every categorical input; null for none.</summary>
    public InputGuardConfig? Domain { get; set; }

    /// <summary>The missing-value guard on every input; null for none.</summary>
    public InputGuardConfig? Missing { get; set; }

    /// <summary>
    /// Per column, guard kind → action, replacing the default action for that column (e.g. <c>age: { range: reject }</c>);
    /// <c>off</c> turns the guard off for it. A kind set only here guards only the columns that name it.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Columns { get; set; } = [];
}

/// <summary>One kind of input guard and what it does when it fires.</summary>
public sealed class InputGuardConfig
{
    /// <summary>reject, clamp (range only), fallback or flag.</summary>
    public string Action { get; set; } = "flag";

    /// <summary>Range: the share of the training range added below the minimum and above the maximum (0 for none).</summary>
    public double Margin { get; set; }

    /// <summary>Missing: the guard covers the columns whose training missing rate is at most this (default 0: never missing in training).</summary>
    public double MaxRate { get; set; }
}

/// <summary>Guards on the output.</summary>
public sealed class OutputGuardsConfig
{
    /// <summary>Clamps a regression value (or a binary score) into [min, max]; null for none.</summary>
    public OutputClampConfig? Clamp { get; set; }
}

/// <summary>Bounds of the output clamp; either may be left out.</summary>
public sealed class OutputClampConfig
{
    /// <summary>The smallest value answered.</summary>
    public double? Min { get; set; }

    /// <summary>The largest value answered.</summary>
    public double? Max { get; set; }
}

/// <summary>A business rule: when <see cref="When"/> holds for an instance's inputs (as sent), the answer is <see cref="Label"/>.</summary>
public sealed class OverrideConfig
{
    /// <summary>The rule's name, listed in the response and counted in reports.</summary>
    public string Name { get; set; } = "";

    /// <summary>The condition, in the expression language of <c>--positive-when</c>, e.g. <c>age &lt; 18</c>.</summary>
    public string When { get; set; } = "";

    /// <summary>The forced answer: a class of the model (or a number, for regression).</summary>
    public string Label { get; set; } = "";
}

/// <summary>Abstain: a binary score inside <see cref="Band"/> (inclusive) answers <see cref="Label"/>.</summary>
public sealed class AbstainConfig
{
    /// <summary>The low and high score of the band, in [0, 1].</summary>
    public List<double> Band { get; set; } = [];

    /// <summary>The neutral answer, e.g. <c>review</c>.</summary>
    public string Label { get; set; } = "abstain";
}

/// <summary>When the heuristic baseline (the training prior) answers instead of the model.</summary>
public sealed class FallbackConfig
{
    /// <summary>Answer the baseline when the model throws while scoring.</summary>
    public bool OnError { get; set; }

    /// <summary>Answer the baseline when scoring a request takes longer than this many milliseconds; null for no budget.</summary>
    public double? LatencyBudgetMs { get; set; }
}

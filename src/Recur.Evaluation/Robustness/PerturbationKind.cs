namespace Recur.Evaluation.Robustness;

/// <summary>What a boundary test changes in a row near the decision boundary.</summary>
public enum PerturbationKind
{
    /// <summary>One numeric input moved up or down by a small step (a share of its training interquartile range).</summary>
    NumericNudge,

    /// <summary>
    /// One column the model does not read (the key, an excluded or ignored column) set to another observed value.
    /// The decision must never change: a flip here is a bug (the model reads a column it should not).
    /// </summary>
    IrrelevantField,

    /// <summary>One neutral filler word ("the", "also", "really", …) inserted into a free-text input at a seeded position.</summary>
    FillerWord,
}

/// <summary>The perturbation kinds by their names in reports and JSON.</summary>
public static class PerturbationKinds
{
    /// <summary>The snake_case name: numeric_nudge, irrelevant_field or filler_word.</summary>
    public static string ToName(this PerturbationKind kind) => kind switch
    {
        PerturbationKind.NumericNudge => "numeric_nudge",
        PerturbationKind.IrrelevantField => "irrelevant_field",
        _ => "filler_word",
    };

    /// <summary>The neutral words inserted into text, in the order they are drawn from.</summary>
    public static readonly IReadOnlyList<string> FillerWords = ["the", "also", "really", "just", "so", "well", "actually", "quite"];
}

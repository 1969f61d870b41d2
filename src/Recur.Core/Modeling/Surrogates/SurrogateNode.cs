namespace Recur.Core.Modeling.Surrogates;

/// <summary>
/// One node of a <see cref="SurrogateTree"/>. A split sends a row left when its value of <see cref="Column"/> is at most
/// <see cref="Threshold"/> (a number) or equals <see cref="Category"/> (text), and a missing value the way
/// <see cref="MissingLeft"/> says; a leaf (no column) answers <see cref="Value"/>.
/// </summary>
/// <param name="Column">The raw input split on; null for a leaf.</param>
/// <param name="Threshold">Numeric split: rows with a value at most this go left.</param>
/// <param name="Category">Categorical split: rows with this value go left, others right.</param>
/// <param name="MissingLeft">Whether a missing value goes left.</param>
/// <param name="Left">The index of the left child.</param>
/// <param name="Right">The index of the right child.</param>
/// <param name="Value">The node's answer: per output of the primary (its score, or one probability per class), the mean over the training rows that reached it.</param>
/// <param name="Rows">How many training rows reached it.</param>
public sealed record SurrogateNode(string? Column, double? Threshold, string? Category, bool MissingLeft, int Left, int Right, IReadOnlyList<double> Value, int Rows)
{
    /// <summary>Whether the node is a leaf.</summary>
    public bool IsLeaf => Column is null;
}

/// <summary>How closely the surrogate follows the primary model on the evaluation rows (never the rows it was fitted on).</summary>
/// <param name="Rows">The evaluation rows compared.</param>
/// <param name="Agreement">Classification: the share of rows where both decide the same label; null for regression.</param>
/// <param name="AgreementLow">The lower end of its 95 % Wilson interval.</param>
/// <param name="AgreementHigh">The upper end.</param>
/// <param name="R2">Binary and regression: R² of the surrogate's score against the primary's; null for multiclass.</param>
/// <param name="R2Low">The lower end of its 95 % bootstrap interval (seeded).</param>
/// <param name="R2High">The upper end.</param>
public sealed record SurrogateFidelity(int Rows, double? Agreement, double? AgreementLow, double? AgreementHigh, double? R2, double? R2Low, double? R2High);

/// <summary>One condition on the path from the root to a row's leaf.</summary>
/// <param name="Column">The raw input.</param>
/// <param name="Condition">The condition in words, e.g. <c>age &gt; 37.5</c> or <c>workclass = 'Private'</c>.</param>
/// <param name="Value">The row's value (a number, a string, or null when missing).</param>
public sealed record SurrogateStep(string Column, string Condition, object? Value);

namespace Recur.Evaluation.Robustness;

/// <summary>How a boundary test picks rows and how far it perturbs them.</summary>
/// <param name="Threshold">The binary decision threshold (positive at or above it).</param>
/// <param name="Band">
/// Binary: a row is near the boundary when |score − threshold| ≤ band. Multiclass: when the two highest class
/// probabilities differ by at most band.
/// </param>
/// <param name="MaxRows">At most this many near-boundary rows are tested, the closest to the boundary first.</param>
/// <param name="Nudge">A numeric nudge's step, as a share of the column's interquartile range over the reference (training) rows; a column with none is not nudged.</param>
/// <param name="Seed">Seed of every random choice (which value, which word, where).</param>
/// <param name="Examples">Flipped rows kept as examples per kind.</param>
public sealed record BoundaryTestOptions(double Threshold = 0.5, double Band = 0.1, int MaxRows = 500, double Nudge = 0.01, int Seed = 42, int Examples = 3);

/// <summary>Which columns each perturbation kind may touch.</summary>
/// <param name="Numeric">Numeric model inputs, nudged.</param>
/// <param name="Text">Free-text model inputs, given filler words.</param>
/// <param name="Irrelevant">Columns of the rows that the model does not read (not its inputs, not the label).</param>
/// <param name="Key">A column that names a row in the examples; null to name rows by position.</param>
public sealed record BoundaryColumns(IReadOnlyList<string> Numeric, IReadOnlyList<string> Text, IReadOnlyList<string> Irrelevant, string? Key = null);

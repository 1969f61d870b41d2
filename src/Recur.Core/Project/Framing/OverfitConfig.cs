namespace Recur.Core.Project;

/// <summary>
/// recur.yaml <c>framing.overfit</c>: useful overfitting, for data that covers the whole input space (a tabulated or
/// simulated function). Off until declared. Every row trains the model (no hold-out), without regularisation, and the
/// error is measured on the full grid. Refused when the data is a sample: the same inputs with different outputs, or
/// gaps in the grid of the inputs' distinct values.
/// </summary>
public sealed class OverfitConfig
{
    /// <summary>Whether the mode is on.</summary>
    public bool Enabled { get; set; }

    /// <summary>The grid's input columns; empty for every model input. They must be exactly the model's inputs.</summary>
    public List<string> Inputs { get; set; } = [];

    /// <summary>
    /// The largest absolute error that counts as exact; null for one millionth of the largest absolute target (the
    /// learner stores targets as 32-bit floats, good to about seven digits).
    /// </summary>
    public double? Tolerance { get; set; }
}

namespace Recur.Core.Project;

/// <summary>
/// <c>loop.retrain</c>: how the loop's retrain adapts to covariate shift. With <see cref="ImportanceWeights"/> on, a
/// domain classifier tells the champion's training rows from the logged rows, the training rows are weighted by the
/// clipped density ratio, and the candidate is fitted on a seeded weighted resample; the plain retrain is fitted too and
/// both are compared on held-out logged rows with labels. Checked when recur.yaml loads.
/// </summary>
public sealed class LoopRetrainConfig
{
    /// <summary>Whether the candidate is trained with importance weights for covariate shift (off by default).</summary>
    public bool ImportanceWeights { get; set; }

    /// <summary>The lower clip of a row's density ratio before the weights are normalised to mean 1.</summary>
    public double MinWeight { get; set; } = 0.1;

    /// <summary>The upper clip of a row's density ratio before the weights are normalised to mean 1.</summary>
    public double MaxWeight { get; set; } = 10;

    /// <summary>The share of the labelled logged rows held out of both fits to compare the weighted and the plain retrain (0 exclusive to 1 exclusive).</summary>
    public double Holdout { get; set; } = 0.3;
}

namespace Recur.Core.Project;

/// <summary><c>pipeline:</c> how <c>recur train</c> runs its steps: the step cache and the checkpoints.</summary>
public sealed class PipelineConfig
{
    /// <summary>Whether each step's output is cached by the hash of its inputs, so a rerun skips finished steps.</summary>
    public bool Cache { get; set; } = true;

    /// <summary>
    /// Whether an L-BFGS candidate begins from the champion's weights instead of zeros when the champion is a linear model
    /// reading exactly the same feature slots (a different schema starts cold, with a note). Off by default: a warm start
    /// changes the optimiser's path and so the model's bytes; the source is part of the fit's cache key and lineage.
    /// </summary>
    public bool WarmStart { get; set; }
}

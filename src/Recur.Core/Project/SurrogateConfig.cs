namespace Recur.Core.Project;

/// <summary>
/// recur.yaml <c>training.surrogate</c>: the Deployable Canary Model, a shallow decision tree on the raw inputs fitted to
/// the chosen model's outputs, stored in the model file and run beside it when it serves. Off by default: it scores the
/// training rows once more and changes the model file's bytes.
/// </summary>
public sealed class SurrogateConfig
{
    /// <summary>Whether a surrogate is fitted with every training run.</summary>
    public bool Enabled { get; set; }

    /// <summary>At most this many leaves (rules). 2 to 64.</summary>
    public int MaxLeaves { get; set; } = 8;

    /// <summary>At most this many conditions on a path. 1 to 10.</summary>
    public int MaxDepth { get; set; } = 4;

    /// <summary>Each leaf holds at least this many training rows. At least 1.</summary>
    public int MinLeafRows { get; set; } = 20;

    /// <summary>It is fitted on at most this many training rows (a seeded sample when there are more). At least 100.</summary>
    public int MaxRows { get; set; } = 20_000;
}

namespace Recur.Tuning;

/// <summary>The median pruner's settings (defaults as in Optuna's MedianPruner).</summary>
/// <param name="StartupTrials">No pruning until this many trials have completed.</param>
/// <param name="WarmupSteps">No pruning of a trial at steps below this.</param>
public sealed record MedianOptions(int StartupTrials = 5, int WarmupSteps = 0);

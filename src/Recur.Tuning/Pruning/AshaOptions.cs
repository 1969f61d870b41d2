namespace Recur.Tuning;

/// <summary>The asynchronous successive halving pruner's settings.</summary>
/// <param name="MinResource">The first rung's step (e.g. boosting rounds); rungs sit at MinResource · η^k.</param>
/// <param name="ReductionFactor">η: a trial passes a rung only when its value there is in the top 1/η of the values recorded there.</param>
public sealed record AshaOptions(int MinResource = 1, int ReductionFactor = 3);

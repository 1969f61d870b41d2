namespace Recur.Evaluation.Baselines.Internal;

/// <summary>The input checks the regression baselines share.</summary>
internal static class Targets
{
    public static void Check(double[] targets, int rows)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length == 0) throw new ArgumentException("At least one training target is required.", "trainTargets");
        for (var i = 0; i < targets.Length; i++)
        {
            if (!double.IsFinite(targets[i])) throw new ArgumentException($"Training target at row {i} is {targets[i]}; filter rows without a finite target first.", "trainTargets");
        }
        if (rows < 0) throw new ArgumentException($"rows is {rows}; it must not be negative.", nameof(rows));
    }
}

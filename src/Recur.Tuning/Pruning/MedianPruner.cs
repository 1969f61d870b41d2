namespace Recur.Tuning;

/// <summary>
/// Stops a trial at a step when its value there is worse than the median of the other trials' values at the same step (finished
/// trials and running ones alike), once <see cref="MedianOptions.StartupTrials"/> trials have completed and the step has reached
/// <see cref="MedianOptions.WarmupSteps"/>.
/// </summary>
public sealed class MedianPruner(MedianOptions? options = null) : IPruner
{
    private readonly MedianOptions _options = options ?? new MedianOptions();

    /// <inheritdoc />
    public string Name => "median";

    /// <inheritdoc />
    public bool ShouldPrune(int number, int step, double value, IReadOnlyList<TrialRecord> history,
        IReadOnlyDictionary<int, IReadOnlyList<IntermediateValue>> running, bool maximize)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(running);
        if (step < _options.WarmupSteps || history.Count(t => t.State == TrialState.Complete) < _options.StartupTrials)
            return false;
        if (double.IsNaN(value))
            return true;
        var others = history.Where(t => t.Number != number && t.State != TrialState.Failed).Select(t => t.Intermediate)
            .Concat(running.Where(r => r.Key != number).Select(r => r.Value))
            .Select(curve => ValueAt(curve, step)).Where(double.IsFinite).ToList();
        if (others.Count == 0)
            return false;
        var median = Median(others);
        return maximize ? value < median : value > median;
    }

    private static double ValueAt(IReadOnlyList<IntermediateValue> curve, int step)
    {
        foreach (var point in curve)
        {
            if (point.Step == step)
                return point.Value;
        }
        return double.NaN;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

namespace Recur.Tuning;

/// <summary>
/// Asynchronous successive halving (Li et al. 2020): rungs at steps <see cref="AshaOptions.MinResource"/> · η^k. When a trial first
/// reports at or past a rung, its value there is compared with every value recorded at that rung (finished and running trials); it
/// continues only when it is among the top ⌊n/η⌋ of them. While fewer than η trials have reached the rung it continues, as ASHA
/// promotes asynchronously rather than waiting for a full rung. A trial's value at a rung is the one it reported at the first step
/// at or past the rung's step.
/// </summary>
public sealed class AshaPruner(AshaOptions? options = null) : IPruner
{
    private readonly AshaOptions _options = Checked(options ?? new AshaOptions());

    /// <inheritdoc />
    public string Name => "asha";

    /// <inheritdoc />
    public bool ShouldPrune(int number, int step, double value, IReadOnlyList<TrialRecord> history,
        IReadOnlyDictionary<int, IReadOnlyList<IntermediateValue>> running, bool maximize)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(running);
        if (double.IsNaN(value))
            return true;
        var own = running.TryGetValue(number, out var curve) ? curve : [];
        var previous = own.Where(p => p.Step < step).Select(p => p.Step).DefaultIfEmpty(int.MinValue).Max();
        var rung = HighestRungIn(previous, step);
        if (rung is not { } rungStep)
            return false;
        var atRung = history.Where(t => t.Number != number && t.State != TrialState.Failed).Select(t => t.Intermediate)
            .Concat(running.Where(r => r.Key != number).Select(r => r.Value))
            .Select(c => ValueAtRung(c, rungStep)).Where(double.IsFinite).ToList();
        atRung.Add(value);
        var eta = _options.ReductionFactor;
        if (atRung.Count < eta)
            return false;
        var keep = atRung.Count / eta;
        var ordered = maximize ? atRung.OrderByDescending(v => v).ToList() : atRung.OrderBy(v => v).ToList();
        var threshold = ordered[keep - 1];
        return maximize ? value < threshold : value > threshold;
    }

    /// <summary>The step of the highest rung in (previous, step], or null when this report crosses no rung.</summary>
    private int? HighestRungIn(int previous, int step)
    {
        int? found = null;
        for (long r = _options.MinResource; r <= step; r *= _options.ReductionFactor)
        {
            if (r > previous)
                found = (int)r;
        }
        return found;
    }

    private static double ValueAtRung(IReadOnlyList<IntermediateValue> curve, int rungStep)
    {
        foreach (var point in curve.OrderBy(p => p.Step))
        {
            if (point.Step >= rungStep)
                return point.Value;
        }
        return double.NaN;
    }

    private static AshaOptions Checked(AshaOptions options) =>
        options.MinResource < 1 || options.ReductionFactor < 2
            ? throw new ArgumentOutOfRangeException(nameof(options), "ASHA needs min_resource ≥ 1 and a reduction factor ≥ 2")
            : options;
}

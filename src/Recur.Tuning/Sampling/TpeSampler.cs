using Recur.Tuning.Internal;

namespace Recur.Tuning;

/// <summary>
/// The tree-structured Parzen estimator (Bergstra et al. 2011), the independent variant as in Optuna: after
/// <see cref="TpeOptions.StartupTrials"/> random trials, finished trials (complete, and pruned by their last value, ranked after the
/// complete ones) are split into the best γ = min(ceil(0.1 · n), 25) and the rest; each parameter gets a Parzen estimator l(x) of the
/// good values and g(x) of the others (only from trials where it was active; a choice by smoothed counts), draws
/// <see cref="TpeOptions.Candidates"/> candidates from l and keeps the one with the largest l(x) / g(x).
/// </summary>
public sealed class TpeSampler(TpeOptions? options = null) : ISampler
{
    private readonly TpeOptions _options = options ?? new TpeOptions();

    /// <inheritdoc />
    public string Name => "tpe";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Sample(SearchSpace space, IReadOnlyList<TrialRecord> history, int number, bool maximize, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(history);
        var random = TrialRandom.For(seed, number);
        var ranked = Rank(history, maximize);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ranked.Count < Math.Max(1, _options.StartupTrials))
        {
            foreach (var p in space.Parameters)
            {
                if (space.IsActive(p, values))
                    values[p.Name] = Draw.Uniform(p, random);
            }
            return values;
        }
        var goodCount = Math.Max(1, Math.Min((int)Math.Ceiling(0.1 * ranked.Count), _options.MaxGood));
        var good = ranked.Take(goodCount).ToList();
        var bad = ranked.Skip(goodCount).ToList();
        foreach (var p in space.Parameters)
        {
            if (!space.IsActive(p, values))
                continue;
            var goodValues = ValuesOf(p, good);
            var badValues = ValuesOf(p, bad);
            values[p.Name] = p.Kind == ParameterKind.Choice
                ? SampleChoice(p, goodValues, badValues, random)
                : SampleNumber(p, goodValues, badValues, random);
        }
        return values;
    }

    /// <summary>Finished trials with a value, best first: complete ones by value, then pruned ones by how far they got, then value.</summary>
    private static List<TrialRecord> Rank(IReadOnlyList<TrialRecord> history, bool maximize)
    {
        double Loss(TrialRecord t) => maximize ? -t.Value : t.Value;
        var complete = history.Where(t => t.State == TrialState.Complete && double.IsFinite(t.Value))
            .OrderBy(Loss).ThenBy(t => t.Number);
        var pruned = history.Where(t => t.State == TrialState.Pruned && double.IsFinite(t.Value))
            .OrderByDescending(t => t.Intermediate.Count == 0 ? int.MinValue : t.Intermediate[^1].Step).ThenBy(Loss).ThenBy(t => t.Number);
        return [.. complete, .. pruned];
    }

    private static List<string> ValuesOf(ParameterSpace p, List<TrialRecord> trials) =>
        [.. trials.Select(t => t.Parameters.TryGetValue(p.Name, out var v) ? v : null).OfType<string>()];

    private string SampleChoice(ParameterSpace p, List<string> good, List<string> bad, Random random)
    {
        var choices = p.Choices!;
        double[] Weights(List<string> seen)
        {
            var w = choices.Select(c => seen.Count(s => s == c) + _options.PriorWeight / choices.Count).ToArray();
            var total = w.Sum();
            return [.. w.Select(x => x / total)];
        }
        var l = Weights(good);
        var g = Weights(bad);
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < _options.Candidates; i++)
        {
            var u = random.NextDouble();
            var k = 0;
            for (var acc = l[0]; k < l.Length - 1 && u >= acc; acc += l[++k])
            {
            }
            var score = Math.Log(l[k]) - Math.Log(g[k]);
            if (score > bestScore)
                (best, bestScore) = (k, score);
        }
        return choices[best];
    }

    private string SampleNumber(ParameterSpace p, List<string> good, List<string> bad, Random random)
    {
        var (low, high) = InternalRange(p);
        if (low >= high)
            return ParameterValues.Format(p, p.Low);
        var l = new ParzenEstimator([.. good.Select(v => ToInternal(p, v))], low, high, _options.PriorWeight);
        var g = new ParzenEstimator([.. bad.Select(v => ToInternal(p, v))], low, high, _options.PriorWeight);
        var best = double.NaN;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < _options.Candidates; i++)
        {
            var x = l.Sample(random);
            var score = l.LogDensity(x) - g.LogDensity(x);
            if (score > bestScore)
                (best, bestScore) = (x, score);
        }
        var value = p.Log ? Math.Exp(best) : best;
        if (p.Kind == ParameterKind.Int)
            value = Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), Math.Ceiling(p.Low), Math.Floor(p.High));
        else
            value = Math.Clamp(value, p.Low, p.High);
        return ParameterValues.Format(p, value);
    }

    /// <summary>The range on the internal scale: logarithms for a log scale; an int's range widened by half a step each side.</summary>
    private static (double Low, double High) InternalRange(ParameterSpace p)
    {
        double low = p.Low, high = p.High;
        if (p.Kind == ParameterKind.Int)
        {
            low = Math.Ceiling(p.Low);
            high = Math.Floor(p.High);
            if (low == high)
                return (low, high);
            low = p.Log ? Math.Max(low - 0.5, low / 2) : low - 0.5;
            high += 0.5;
        }
        return p.Log ? (Math.Log(low), Math.Log(high)) : (low, high);
    }

    private static double ToInternal(ParameterSpace p, string text)
    {
        var v = double.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        return p.Log ? Math.Log(Math.Max(v, double.Epsilon)) : v;
    }
}

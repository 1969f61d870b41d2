namespace Recur.Monitoring.Live;

/// <summary>A metric with its 95 % interval.</summary>
/// <param name="Name">The metric (snake_case: accuracy, auc, f1, log_loss, mae, rmse, …).</param>
/// <param name="Value">Its value.</param>
/// <param name="Low">The interval's lower bound.</param>
/// <param name="High">The interval's upper bound.</param>
public sealed record MetricValue(string Name, double Value, double Low, double High)
{
    /// <summary>The metrics of a dictionary that have an interval (<c>NAME_low</c>/<c>NAME_high</c>) and finite values, in key order.</summary>
    public static IReadOnlyList<MetricValue> WithIntervals(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var list = new List<MetricValue>();
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (name.EndsWith("_low", StringComparison.Ordinal) || name.EndsWith("_high", StringComparison.Ordinal)) continue;
            if (metrics.TryGetValue(name + "_low", out var low) && metrics.TryGetValue(name + "_high", out var high)
                && double.IsFinite(value) && double.IsFinite(low) && double.IsFinite(high))
            {
                list.Add(new MetricValue(name, value, low, high));
            }
        }
        return list;
    }

    /// <summary>Whether <paramref name="value"/> lies within the interval.</summary>
    public bool Contains(double value) => value >= Low && value <= High;
}

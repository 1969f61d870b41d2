using Recur.Core;

namespace Recur.Features.Windows;

/// <summary>
/// The catalogue of window aggregates by name. An empty window gives a count and sum of 0 and a missing (NaN) mean,
/// std, min, max, zscore and rate; std and zscore need two values; zscore is missing when the std is 0.
/// </summary>
public static class WindowAggregates
{
    /// <summary>Every aggregate by its recur.yaml name.</summary>
    public static IReadOnlyDictionary<string, IWindowAggregate> ByName { get; } = new IWindowAggregate[]
    {
        new Aggregate("count", (in WindowMoments w, double _) => w.Count),
        new Aggregate("sum", (in WindowMoments w, double _) => w.Sum),
        new Aggregate("mean", (in WindowMoments w, double _) => w.Mean),
        new Aggregate("std", (in WindowMoments w, double _) => w.StdDev),
        new Aggregate("min", (in WindowMoments w, double _) => w.Min),
        new Aggregate("max", (in WindowMoments w, double _) => w.Max),
        new Aggregate("zscore", ZScore),
        new Aggregate("rate", Rate),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>The aggregate called <paramref name="name"/>; an unknown name is an error naming <paramref name="key"/>.</summary>
    public static IWindowAggregate Get(string name, string key) =>
        ByName.TryGetValue(name ?? "", out var aggregate)
            ? aggregate
            : throw RecurException.Invalid($"{key}: '{name}' is not a window aggregate (one of: {string.Join(", ", ByName.Keys)})", key);

    // How unusual the current value is against its window: (x − mean) / std.
    private static double ZScore(in WindowMoments w, double current)
    {
        var std = w.StdDev;
        return double.IsNaN(current) || !(std > 0) ? double.NaN : (current - w.Mean) / std;
    }

    // Events per minute: the count over the window's length for a time window; for an event window, the gaps
    // between its oldest and newest events (missing when they share one instant).
    private static double Rate(in WindowMoments w, double current)
    {
        if (w.Size.IsTime) return w.Count / (w.Size.Amount / (double)TimeSpan.TicksPerMinute);
        if (w.Count < 2 || w.Newest == w.Oldest) return double.NaN;
        return (w.Count - 1) / ((w.Newest - w.Oldest) / (double)TimeSpan.TicksPerMinute);
    }

    private delegate double Reader(in WindowMoments window, double current);

    private sealed class Aggregate(string name, Reader read) : IWindowAggregate
    {
        public string Name => name;

        public double Read(in WindowMoments window, double current) => read(window, current);
    }
}

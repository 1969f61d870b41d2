using System.Collections.Concurrent;

namespace Recur.Core.Observability;

/// <summary>
/// A Prometheus histogram of durations in seconds with up to three labels and fixed buckets from 50 µs to 10 s
/// (fine where a prediction takes its tens to hundreds of microseconds). Observing finds the bucket by a short scan
/// and increments it without locks; the sum is kept in nanoseconds.
/// </summary>
public sealed class HistogramFamily : MetricFamily
{
    /// <summary>The buckets' upper bounds, in seconds.</summary>
    public static readonly double[] Bounds = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<LabelValues, Series> _series = new();

    /// <summary>A histogram named <paramref name="name"/> with the given label names (at most three).</summary>
    public HistogramFamily(string name, string help, params string[] labels) : base(name, help, "histogram", labels) { }

    /// <summary>Records one observation of <paramref name="seconds"/> in the series with these label values.</summary>
    public void Observe(double seconds, string first, string? second = null, string? third = null)
    {
        var labels = new LabelValues(first, second, third);
        var series = _series.TryGetValue(labels, out var s) ? s : _series.GetOrAdd(labels, _ => new Series());
        var bucket = 0;
        while (bucket < Bounds.Length && seconds > Bounds[bucket]) bucket++;
        Interlocked.Increment(ref series.Counts[bucket]);
        Interlocked.Add(ref series.SumNanoseconds, (long)(seconds * 1e9));
    }

    /// <summary>How many observations one series holds (0 when it has none).</summary>
    public long Count(string first, string? second = null, string? third = null) =>
        _series.TryGetValue(new LabelValues(first, second, third), out var s) ? s.Counts.Sum() : 0;

    /// <inheritdoc />
    protected override void WriteSamples(TextWriter writer)
    {
        foreach (var (labels, series) in _series.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal))
        {
            long cumulative = 0;
            for (var i = 0; i <= Bounds.Length; i++)
            {
                cumulative += Interlocked.Read(ref series.Counts[i]);
                var le = i < Bounds.Length ? Bounds[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "+Inf";
                WriteSample(writer, Name + "_bucket", labels, le, cumulative);
            }
            WriteSample(writer, Name + "_sum", labels, null, Interlocked.Read(ref series.SumNanoseconds) / 1e9);
            WriteSample(writer, Name + "_count", labels, null, cumulative);
        }
    }

    private sealed class Series
    {
        public readonly long[] Counts = new long[Bounds.Length + 1];
        public long SumNanoseconds;
    }
}

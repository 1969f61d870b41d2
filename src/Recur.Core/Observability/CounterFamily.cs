using System.Collections.Concurrent;

namespace Recur.Core.Observability;

/// <summary>
/// A Prometheus counter with up to three labels: one series per distinct set of label values, each a 64-bit
/// count added to without locks. Adding to a series that exists allocates nothing.
/// </summary>
public sealed class CounterFamily : MetricFamily
{
    private readonly ConcurrentDictionary<LabelValues, StrongBox> _series = new();

    /// <summary>A counter named <paramref name="name"/> with the given label names (at most three).</summary>
    public CounterFamily(string name, string help, params string[] labels) : base(name, help, "counter", labels) { }

    /// <summary>Adds <paramref name="count"/> to the series with these label values (give as many as the family has labels).</summary>
    public void Add(string first, string? second = null, string? third = null, long count = 1) =>
        Interlocked.Add(ref Series(new LabelValues(first, second, third)).Value, count);

    /// <summary>The current count of one series (0 when it has never been added to).</summary>
    public long Value(string first, string? second = null, string? third = null) =>
        _series.TryGetValue(new LabelValues(first, second, third), out var box) ? Interlocked.Read(ref box.Value) : 0;

    private StrongBox Series(LabelValues labels) => _series.TryGetValue(labels, out var box) ? box : _series.GetOrAdd(labels, _ => new StrongBox());

    /// <inheritdoc />
    protected override void WriteSamples(TextWriter writer)
    {
        foreach (var (labels, box) in _series.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal))
        {
            WriteSample(writer, Name, labels, null, Interlocked.Read(ref box.Value));
        }
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}

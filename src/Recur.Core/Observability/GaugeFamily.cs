namespace Recur.Core.Observability;

/// <summary>
/// A value read when metrics are scraped, not kept: a queue's depth, a writer's failure count, the process's memory.
/// Reported as a gauge, or as a counter when the value only ever grows.
/// </summary>
public sealed class GaugeFamily(string name, string help, Func<double> read, bool counter = false) : MetricFamily(name, help, counter ? "counter" : "gauge", [])
{
    /// <inheritdoc />
    protected override void WriteSamples(TextWriter writer) => WriteSample(writer, Name, default, null, read());
}

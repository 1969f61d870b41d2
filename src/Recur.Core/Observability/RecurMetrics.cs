using System.Globalization;

namespace Recur.Core.Observability;

/// <summary>
/// The process's metrics, served by <c>GET /metrics</c> in the Prometheus text format. One instance per process
/// (registered by the composition root); the server counts requests and their latency, the prediction endpoints count
/// predictions and safeguard hits, the loop counts its decisions. Hosts add read-on-scrape values with <see cref="Observe"/>.
/// </summary>
public sealed class RecurMetrics
{
    private static readonly string[] Numbers = [.. Enumerable.Range(0, 1024).Select(i => i.ToString(CultureInfo.InvariantCulture))];
    private readonly List<MetricFamily> _families = [];
    private readonly Lock _gate = new();

    /// <summary>Creates the registry with its named families.</summary>
    public RecurMetrics()
    {
        Requests = Add(new CounterFamily("recur_requests_total", "HTTP requests answered, by route template, method and status code.", "route", "method", "status"));
        RequestDuration = Add(new HistogramFamily("recur_request_duration_seconds", "Time from a request's arrival to its answer, by model, model version (empty outside the prediction routes) and route template.", "model", "version", "route"));
        Predictions = Add(new CounterFamily("recur_predictions_total", "Keyed predictions answered, by model and the version that answered.", "model", "version"));
        SafeguardHits = Add(new CounterFamily("recur_safeguard_hits_total", "Answered predictions on which a safeguard rule fired, by model and rule.", "model", "rule"));
        LoopDecisions = Add(new CounterFamily("recur_loop_decisions_total", "What the automatic loop decided (retrain, no_retrain, throttled, canary and promotion steps), by model.", "model", "decision"));
    }

    /// <summary><c>recur_requests_total{route,method,status}</c>.</summary>
    public CounterFamily Requests { get; }

    /// <summary><c>recur_request_duration_seconds{model,version,route}</c>.</summary>
    public HistogramFamily RequestDuration { get; }

    /// <summary><c>recur_predictions_total{model,version}</c>.</summary>
    public CounterFamily Predictions { get; }

    /// <summary><c>recur_safeguard_hits_total{model,rule}</c>.</summary>
    public CounterFamily SafeguardHits { get; }

    /// <summary><c>recur_loop_decisions_total{model,decision}</c>.</summary>
    public CounterFamily LoopDecisions { get; }

    /// <summary>Adds a value read on every scrape (a gauge, or a counter when it only grows); a name given twice is ignored.</summary>
    public void Observe(string name, string help, Func<double> read, bool counter = false)
    {
        lock (_gate)
        {
            if (_families.Any(f => f.Name == name)) return;
            _families.Add(new GaugeFamily(name, help, read, counter));
        }
    }

    /// <summary>A number as a label value, without allocating for the small ones (versions, status codes below 1024).</summary>
    public static string Label(int number) => (uint)number < (uint)Numbers.Length ? Numbers[number] : number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes every family in the Prometheus text format.</summary>
    public void WriteTo(TextWriter writer)
    {
        MetricFamily[] families;
        lock (_gate) families = [.. _families];
        foreach (var family in families) family.WriteTo(writer);
    }

    private T Add<T>(T family) where T : MetricFamily
    {
        _families.Add(family);
        return family;
    }
}

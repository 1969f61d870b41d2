using System.Globalization;
using Microsoft.Extensions.Logging;
using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Registry.Webhooks;

namespace Recur.Pipeline.Loop;

/// <summary>
/// Writes one tick's steps to the audit trail and the log; an alert also goes to the webhooks of
/// <c>loop.alerts.webhooks</c>, as a registry-style event of kind <c>loop_alert</c> (signed and retried like the
/// registry's webhooks) whose reason is the evidence and whose metrics are the numbers.
/// </summary>
internal sealed class LoopAudit(ILoopStore store, string model, ILogger logger, LoopAlertsConfig alerts, TimeProvider time, Core.Observability.RecurMetrics? metrics = null)
{
    // The steps that are decisions, counted in recur_loop_decisions_total (a "decision" record as retrain or no_retrain).
    private static readonly HashSet<string> Decisions = [LoopSteps.Decision, LoopSteps.Throttled, LoopSteps.CanaryStarted, LoopSteps.CanaryExtended,
        LoopSteps.Promoted, LoopSteps.RolledBack, LoopSteps.Failed];

    /// <summary>The kind of an alert's webhook body.</summary>
    public const string AlertKind = "loop_alert";

    /// <summary>The actor the loop's registry changes are recorded for.</summary>
    public const string Actor = "recur-loop";

    private readonly List<LoopRecord> _records = [];

    /// <summary>The tick's id (the id of its <c>tick_started</c> record).</summary>
    public long Tick { get; private set; }

    /// <summary>The records written by this tick, in order.</summary>
    public IReadOnlyList<LoopRecord> Records => _records;

    public async Task StartAsync(string why, CancellationToken ct)
    {
        var record = await store.AppendAsync(new NewLoopRecord(model, 0, LoopSteps.TickStarted, "tick started", why, new Dictionary<string, double>()), ct);
        Tick = record.Tick;
        _records.Add(record);
        logger.LoopStep(Tick, model, record.Step, record.What, record.Why);
    }

    public async Task<LoopRecord> RecordAsync(string step, string what, string why, IReadOnlyDictionary<string, double>? numbers = null, int? version = null, CancellationToken ct = default)
    {
        var record = await store.AppendAsync(new NewLoopRecord(model, Tick, step, what, why, numbers ?? new Dictionary<string, double>(), version), ct);
        _records.Add(record);
        logger.LoopStep(Tick, model, step, what, why);
        if (metrics is not null && Decisions.Contains(step)) metrics.LoopDecisions.Add(model, step != LoopSteps.Decision ? step : what == "retrain" ? "retrain" : "no_retrain");
        return record;
    }

    /// <summary>Records an alert, logs it as a warning with the evidence, and posts it to the alert webhooks.</summary>
    public async Task AlertAsync(string what, string why, IReadOnlyDictionary<string, double> numbers, int? version = null, CancellationToken ct = default)
    {
        var record = await RecordAsync(LoopSteps.Alert, what, why, numbers, version, ct);
        logger.LoopAlert(model, Tick, what, why, string.Join(", ", numbers.Select(p => $"{p.Key}={p.Value.ToString("0.####", CultureInfo.InvariantCulture)}")));
        if (alerts.Webhooks.Count == 0) return;
        using var http = new HttpClient();
        var publisher = new WebhookPublisher(new RegistryConfig { Webhooks = [.. alerts.Webhooks.Select(AllEvents)] }, http, time);
        await publisher.PublishAsync(new RegistryEvent(record.Id, model, AlertKind, record.At, Actor, $"{what}: {why}", version, null, null, null, null, record.Numbers), ct);
    }

    // Every alert goes to every alert webhook, whatever its events filter says.
    private static WebhookConfig AllEvents(WebhookConfig hook) =>
        new() { Url = hook.Url, SecretEnv = hook.SecretEnv, Attempts = hook.Attempts, TimeoutSeconds = hook.TimeoutSeconds };
}

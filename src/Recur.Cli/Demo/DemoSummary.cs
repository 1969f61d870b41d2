using Recur.Monitoring.Drift;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Demo;

/// <summary>Everything the demo did, as printed with --json.</summary>
internal sealed record DemoSummary(
    string Project,
    IReadOnlyList<DemoSnapshot> Snapshots,
    DemoModel Baseline,
    DemoModel Champion,
    DemoServed Served,
    DemoLogged Logged,
    IReadOnlyDictionary<string, double> LiveMetrics,
    DemoShift Shift,
    IReadOnlyList<FeatureDrift> Drift,
    DemoRetrain Retrain,
    DemoLoop Loop,
    string Report,
    double Seconds);

internal sealed record DemoSnapshot(string Dataset, string Id, long Rows, long Quarantined, bool Reused);

internal sealed record DemoModel(string Name, int? Version, IReadOnlyDictionary<string, double> Metrics);

internal sealed record DemoServed(string Url, int Requests, int Predictions, int RejectedRequests, IReadOnlyList<string> RejectionExamples);

internal sealed record DemoLogged(int Predictions, int OfServedKeys, object? Example);

internal sealed record DemoShift(string Description, int Rows, double DriftedShare, bool DatasetDrift, bool Retrain, string Reason);

internal sealed record DemoRetrain(bool Ran, int? CandidateVersion, IReadOnlyDictionary<string, double>? Metrics, IReadOnlyDictionary<string, double>? ChampionMetrics, bool Promote, string Reason, TrainingOutcome? Outcome);

/// <summary>What the automatic loop did: its ticks, the canary's traffic per version, the audit trail and the outcome.</summary>
internal sealed record DemoLoop(IReadOnlyList<DemoTick> Ticks, IReadOnlyDictionary<int, int> CanaryTraffic, IReadOnlyList<Core.Monitoring.LoopRecord> History, string Outcome, string? Comparison);

internal sealed record DemoTick(long Tick, string Action);

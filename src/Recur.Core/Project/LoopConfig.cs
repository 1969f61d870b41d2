namespace Recur.Core.Project;

/// <summary>
/// recur.yaml <c>loop:</c>, the automatic loop: which triggers start a retrain, how often retraining may happen,
/// how a gated candidate goes out as a canary and how the canary is judged, and who is alerted. Durations are
/// written <c>30s</c>, <c>5m</c>, <c>2h</c> or <c>1d</c>. Checked when recur.yaml loads.
/// </summary>
public sealed class LoopConfig
{
    /// <summary>Whether <c>recur serve</c> runs a tick in the background every <see cref="Interval"/>; off by default (<c>recur loop --once</c> always works).</summary>
    public bool Enabled { get; set; }

    /// <summary>Time between two background ticks of <c>recur serve</c>.</summary>
    public string Interval { get; set; } = "5m";

    /// <summary>What may start a retrain; each trigger is off when set to <c>~</c> (drift is on by default).</summary>
    public LoopTriggersConfig Triggers { get; set; } = new();

    /// <summary>The least time between two retrains; a trigger firing sooner is throttled, and the audit trail says so.</summary>
    public string MinInterval { get; set; } = "1h";

    /// <summary>The most retrains in any 24 hours; more are throttled.</summary>
    public int MaxPerDay { get; set; } = 4;

    /// <summary>How a gated candidate is tried on live traffic before it becomes the champion.</summary>
    public CanaryConfig Canary { get; set; } = new();

    /// <summary>How the retrain adapts to covariate shift (<c>loop.retrain.importance_weights</c>).</summary>
    public LoopRetrainConfig Retrain { get; set; } = new();

    /// <summary>Where alerts go when a trigger fires or a canary is rolled back (a log line always).</summary>
    public LoopAlertsConfig Alerts { get; set; } = new();

    /// <summary>
    /// Where the loop's retrain runs: <c>process</c> (inside the process that ticks, the default) or <c>worker</c> (a
    /// <c>retrain</c> job in the store for <c>recur worker</c>; later ticks pick up its candidate).
    /// </summary>
    public string RetrainIn { get; set; } = "process";

    /// <summary>
    /// How long the loop's lease lasts without renewal before another replica may take the loop over; null means
    /// max(3 × <see cref="Interval"/>, 10 s).
    /// </summary>
    public int? LeaseSeconds { get; set; }
}

/// <summary>The triggers of <c>loop.triggers</c>; a null one is off.</summary>
public sealed class LoopTriggersConfig
{
    /// <summary>Dataset drift of the logged inputs against the champion's training profile.</summary>
    public DriftTriggerConfig? Drift { get; set; } = new();

    /// <summary>The champion's live metric from the feedback join, below its evaluation value beyond the interval.</summary>
    public PerformanceTriggerConfig? LiveDrop { get; set; }

    /// <summary>An estimated (label-free) metric below the evaluation value beyond the interval; needs an estimator wired in.</summary>
    public PerformanceTriggerConfig? EstimatedDrop { get; set; }

    /// <summary>A retrain every so often since the last one, whatever the data says.</summary>
    public ScheduleTriggerConfig? Schedule { get; set; }

    /// <summary>Enough new labelled rows since the last retrain.</summary>
    public NewLabelsTriggerConfig? NewLabels { get; set; }
}

/// <summary><c>loop.triggers.drift</c>.</summary>
public sealed class DriftTriggerConfig
{
    /// <summary>Fires when at least this share of features drift; null uses <c>monitoring.retrain_drift_share</c>.</summary>
    public double? Share { get; set; }
}

/// <summary><c>loop.triggers.live_drop</c> and <c>loop.triggers.estimated_drop</c>; the metric is the promotion metric (<c>promotion.metric</c> or the task's default).</summary>
public sealed class PerformanceTriggerConfig
{
    /// <summary>A drop smaller than this (absolute) is tolerated even when it is beyond the interval.</summary>
    public double Tolerance { get; set; }

    /// <summary>Fewest labelled (or estimated) rows of the champion before the metric is judged.</summary>
    public int MinRows { get; set; } = 100;
}

/// <summary><c>loop.triggers.schedule</c>.</summary>
public sealed class ScheduleTriggerConfig
{
    /// <summary>Retrain when this long has passed since the last retrain (or since the champion was registered).</summary>
    public string Every { get; set; } = "7d";
}

/// <summary><c>loop.triggers.new_labels</c>.</summary>
public sealed class NewLabelsTriggerConfig
{
    /// <summary>Retrain when at least this many labelled rows arrived since the last retrain.</summary>
    public int Rows { get; set; } = 1000;
}

/// <summary>
/// <c>loop.canary</c>: a candidate that passed the gates gets <see cref="Weight"/> percent of the default route's traffic,
/// sticky by key, for <see cref="Duration"/> or until <see cref="Requests"/> predictions were served, whichever the policy
/// declares (both: whichever comes first). Then its live metric is compared with the champion's on the same period.
/// </summary>
public sealed class CanaryConfig
{
    /// <summary>Whether candidates go out as a canary; false promotes a gated candidate at once.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The candidate's share of the default route's traffic in percent (0 exclusive to 100 exclusive).</summary>
    public double Weight { get; set; } = 10;

    /// <summary>How long the canary runs; empty when only <see cref="Requests"/> ends it.</summary>
    public string Duration { get; set; } = "1h";

    /// <summary>The canary ends once the candidate served this many predictions; null when only the duration ends it.</summary>
    public int? Requests { get; set; }

    /// <summary>Fewest labelled rows on each side before the comparison is judged.</summary>
    public int MinLabelled { get; set; } = 30;

    /// <summary>
    /// The candidate is rolled back when its mean loss exceeds the champion's by more than this, beyond the 95% interval
    /// (the interval's lower end is above it); otherwise it is promoted.
    /// </summary>
    public double Tolerance { get; set; }

    /// <summary>What to do when the canary ended with too few labelled rows: <c>rollback</c> or <c>extend</c> (once, by the same period).</summary>
    public string OnInsufficient { get; set; } = "rollback";
}

/// <summary><c>loop.alerts</c>: signed webhook POSTs of the loop's alerts, like <c>registry.webhooks</c>.</summary>
public sealed class LoopAlertsConfig
{
    /// <summary>Endpoints told of each alert (the <c>events</c> filter is ignored: every alert is sent).</summary>
    public List<WebhookConfig> Webhooks { get; set; } = [];
}

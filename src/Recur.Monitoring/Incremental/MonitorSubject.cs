using Recur.Core.Modeling;
using Recur.Core.Profiles;
using Recur.Core.Project;

namespace Recur.Monitoring.Incremental;

/// <summary>A feature monitored for drift: its name and whether it is numeric.</summary>
/// <param name="Name">The feature's name in the logged inputs.</param>
/// <param name="Numeric">Numeric (binned on the reference's quantile grid) or text (counted by value).</param>
public sealed record MonitoredFeature(string Name, bool Numeric);

/// <summary>
/// What incremental monitoring measures a model's log against: the features and their reference (the stored profile
/// of the champion's training split), the reference of its predictions, how live metrics read a prediction, and the
/// windows. Its <see cref="Fingerprint"/> names the state computed from it: another subject starts a new state.
/// </summary>
/// <param name="Model">The model's name in the log.</param>
/// <param name="Task">Binary, multiclass or regression: which live metrics apply.</param>
/// <param name="Features">The monitored features, in plan order.</param>
/// <param name="Reference">The drift reference of the features.</param>
/// <param name="Predictions">The reference of the predictions: a quantile grid of scores (binary, regression) or label counts (multiclass).</param>
/// <param name="Threshold">The binary decision threshold on the score.</param>
/// <param name="Positive">The positive class (binary); null otherwise.</param>
/// <param name="Window">How the log is cut into windows.</param>
/// <param name="Config">The drift settings (tests, thresholds, correction, minimum rows); they shape answers, not state.</param>
public sealed record MonitorSubject(
    string Model,
    ModelTask Task,
    IReadOnlyList<MonitoredFeature> Features,
    TableReference Reference,
    ColumnReference Predictions,
    double Threshold,
    string? Positive,
    MonitoringWindow Window,
    MonitoringConfig Config)
{
    /// <summary>The state's format; a change makes every stored checkpoint rebuild.</summary>
    public const int StateFormat = 1;

    /// <summary>A hash of everything the state depends on (not the drift settings, which only shape answers).</summary>
    public string Fingerprint => Internal.StateJson.Fingerprint(this);
}

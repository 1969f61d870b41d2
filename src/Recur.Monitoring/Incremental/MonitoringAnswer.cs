using Recur.Core.Monitoring;

namespace Recur.Monitoring.Incremental;

/// <summary>A metric with its 95 % interval.</summary>
/// <param name="Name">accuracy, precision, recall, auc (binary); accuracy (multiclass); mae, rmse, bias (regression).</param>
/// <param name="Value">The estimate.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
/// <param name="Method">How the interval was made: wilson, hanley_mcneil or normal.</param>
public sealed record MetricInterval(string Name, double Value, double Low, double High, string Method);

/// <summary>Live performance of one model version in a window.</summary>
/// <param name="Version">The version that answered.</param>
/// <param name="Predictions">Its answered predictions in the window.</param>
/// <param name="Labelled">Those with feedback.</param>
/// <param name="Metrics">Its metrics over the labelled predictions; empty without feedback.</param>
public sealed record VersionLive(int Version, long Predictions, long Labelled, IReadOnlyList<MetricInterval> Metrics);

/// <summary>
/// The drift of one feature (or of the predictions) in a window against the reference.
/// </summary>
/// <param name="Feature">The feature, or <c>prediction</c>.</param>
/// <param name="Test">ks, z_test, chi_square, wasserstein_normed, jensen_shannon; <c>insufficient_data</c> when the window is too small; <c>all_missing</c>.</param>
/// <param name="Statistic">The statistic or distance; null for insufficient data.</param>
/// <param name="PValue">The p-value of a test; null for distances.</param>
/// <param name="Threshold">The threshold the statistic (distance) or the p-value (test, after correction) is held against.</param>
/// <param name="Drifted">Whether the feature drifted in the window.</param>
/// <param name="Note">Why no verdict was given (e.g. "insufficient data: 12 rows, need 100"); null otherwise.</param>
public sealed record FeatureDriftPoint(string Feature, string Test, double? Statistic, double? PValue, double? Threshold, bool Drifted, string? Note = null);

/// <summary>Everything monitoring measured in one window (or, for the cumulative view, over all of them).</summary>
/// <param name="Index">The window's index (see <see cref="MonitoringWindow.IndexOf"/>); -1 for the cumulative view.</param>
/// <param name="Start">A time window's start; null for count windows and the cumulative view.</param>
/// <param name="End">A time window's end (exclusive).</param>
/// <param name="FirstSeq">The first prediction seq in the window.</param>
/// <param name="LastSeq">The last prediction seq in the window.</param>
/// <param name="Predictions">Answered predictions.</param>
/// <param name="Labelled">Those with feedback (a key's first prediction with its first label).</param>
/// <param name="Live">Live performance per version.</param>
/// <param name="Drift">Drift per feature.</param>
/// <param name="PredictionDrift">Drift of the predictions against the champion's validation predictions.</param>
/// <param name="DriftedShare">The share of features that drifted; null for insufficient data.</param>
public sealed record WindowAnswer(
    long Index,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    long FirstSeq,
    long LastSeq,
    long Predictions,
    long Labelled,
    IReadOnlyList<VersionLive> Live,
    IReadOnlyList<FeatureDriftPoint> Drift,
    FeatureDriftPoint? PredictionDrift,
    double? DriftedShare);

/// <summary>Which part of a window came from which view: the batch view (the checkpoint) or the speed view (events since).</summary>
/// <param name="Index">The window's index.</param>
/// <param name="BatchPredictions">Predictions materialised in the checkpoint.</param>
/// <param name="SpeedPredictions">Predictions read since the checkpoint.</param>
/// <param name="BatchLabelled">Labelled pairs materialised in the checkpoint.</param>
/// <param name="SpeedLabelled">Labelled pairs read since the checkpoint.</param>
public sealed record WindowViews(long Index, long BatchPredictions, long SpeedPredictions, long BatchLabelled, long SpeedLabelled);

/// <summary>
/// A monitoring answer: every window plus the cumulative view. It is a function of the events up to
/// <see cref="Through"/> alone, so a replay and any sequence of incremental runs give the same bytes.
/// </summary>
/// <param name="Model">The model monitored.</param>
/// <param name="Window">The window setting.</param>
/// <param name="From">The first prediction seq covered (1 unless replayed from a later point).</param>
/// <param name="Through">The last events covered.</param>
/// <param name="Windows">The windows, oldest first.</param>
/// <param name="Cumulative">All windows merged.</param>
public sealed record MonitoringAnswer(string Model, string Window, long From, EventCursor Through, IReadOnlyList<WindowAnswer> Windows, WindowAnswer Cumulative);

/// <summary>How a run got its answer: the mode, the two views, what was read, and whether the checkpoint was rebuilt.</summary>
/// <param name="Mode">advance (the checkpoint moves forward), lambda (batch + speed, nothing written) or replay (from the log alone).</param>
/// <param name="Answer">The merged answer.</param>
/// <param name="Batch">The cursor of the batch view (the checkpoint read); <see cref="EventCursor.Start"/> when there was none.</param>
/// <param name="Views">Per window, what came from the batch view and what from the speed view.</param>
/// <param name="ReadPredictions">Predictions read from the log by this run (the speed view).</param>
/// <param name="ReadLabelled">Labelled pairs read by this run.</param>
/// <param name="CheckpointWritten">Whether this run wrote a new checkpoint.</param>
/// <param name="Rebuilt">Why the checkpoint was not used (none yet, another reference or window setting); null when it was.</param>
public sealed record MonitoringRun(string Mode, MonitoringAnswer Answer, EventCursor Batch, IReadOnlyList<WindowViews> Views, long ReadPredictions, long ReadLabelled, bool CheckpointWritten, string? Rebuilt);

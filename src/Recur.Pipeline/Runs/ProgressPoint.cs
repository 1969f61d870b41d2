namespace Recur.Pipeline.Runs;

/// <summary>One run on the progress chart: when it ran, its metric with the interval, and what it registered.</summary>
/// <param name="Run">The run's id.</param>
/// <param name="Kind">train or retrain.</param>
/// <param name="Started">When it started.</param>
/// <param name="Days">Days since the project's first run started (the chart's x axis).</param>
/// <param name="Status">finished, failed or running (a run still running, or killed).</param>
/// <param name="Value">The metric on the run's evaluation rows; null when the run did not finish or did not measure it.</param>
/// <param name="Low">The lower end of its interval; null when none.</param>
/// <param name="High">The upper end of its interval; null when none.</param>
/// <param name="Baseline">The best baseline's value on the same rows; null when none.</param>
/// <param name="Version">The version the run registered; null when none.</param>
/// <param name="Promoted">Whether that version passed the gates and was promoted.</param>
public sealed record ProgressPoint(string Run, string Kind, DateTimeOffset Started, double Days, string Status,
    double? Value, double? Low, double? High, double? Baseline, int? Version, bool Promoted);

/// <summary>The progress of a model across its runs: the chosen metric per run, oldest first.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Metric">The metric charted.</param>
/// <param name="Began">When the project's first run started; null when there is none.</param>
/// <param name="Points">Every train and retrain run of the model (experiments left out), oldest first; failed ones marked, without a value.</param>
public sealed record ProgressChart(string Model, string Metric, DateTimeOffset? Began, IReadOnlyList<ProgressPoint> Points)
{
    /// <summary>The points that finished with a value: the ones drawn.</summary>
    public IReadOnlyList<ProgressPoint> Measured => [.. Points.Where(p => p.Value is not null)];

    /// <summary>The latest baseline value measured; null when none.</summary>
    public double? Baseline => Points.LastOrDefault(p => p.Baseline is not null)?.Baseline;
}

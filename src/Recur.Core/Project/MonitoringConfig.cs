namespace Recur.Core.Project;

/// <summary>Limits of training/serving skew: the model's features at serving time against their training statistics.</summary>
public sealed class SkewConfig
{
    /// <summary>Largest rise in a feature's missing share, absolute (0.1 = ten points).</summary>
    public double MissingShare { get; set; } = 0.1;

    /// <summary>Largest rise in the share of a category feature's served values outside the training vocabulary (unseen, or the one-hot (other) bucket).</summary>
    public double UnseenShare { get; set; } = 0.1;

    /// <summary>Largest move of a numeric feature's mean, in training standard deviations.</summary>
    public double MeanShift { get; set; } = 1.0;
}

/// <summary>Drift detection and the retraining policy.</summary>
public sealed class MonitoringConfig
{
    /// <summary>When served features count as skewed against the statistics recorded with the model.</summary>
    public SkewConfig Skew { get; set; } = new();

    /// <summary>p-value under which a statistical test reports drift.</summary>
    public double PValue { get; set; } = 0.05;

    /// <summary>Distance above which Wasserstein / Jensen–Shannon report drift.</summary>
    public double DistanceThreshold { get; set; } = 0.1;

    /// <summary>Reference size up to which hypothesis tests are used (larger: distances), as Evidently does.</summary>
    public int TestReferenceMaxRows { get; set; } = 1000;

    /// <summary>Retrain when at least this share of features drift.</summary>
    public double RetrainDriftShare { get; set; } = 0.1;

    /// <summary>Multiple-testing correction for p-value tests: "bonferroni", "bh" (Benjamini–Hochberg) or "none".</summary>
    public string Correction { get; set; } = "bonferroni";

    /// <summary>Fewest current rows needed before drift is judged.</summary>
    public int MinRows { get; set; } = 100;

    /// <summary>How labels are judged and watched for, and how many a live-performance window needs.</summary>
    public MonitoringFeedbackConfig Feedback { get; set; } = new();

    /// <summary>Fewest values a column needs on each side before its drift test is run; below it the column reports insufficient data.</summary>
    public int MinRowsPerTest { get; set; } = 30;

    /// <summary>Per-column test and threshold, by column name (<c>monitoring.columns.NAME</c>).</summary>
    public Dictionary<string, DriftColumnConfig> Columns { get; set; } = [];
    /// <summary>How monitoring cuts the log into windows: a span of prediction time (30m, 1h, 1d) or "N predictions".</summary>
    public string Window { get; set; } = "1d";
}

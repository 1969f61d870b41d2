namespace Recur.Monitoring.Drift;

/// <summary>
/// One drift test of the catalogue (<see cref="DriftTests"/>): its name in recur.yaml and on the command line,
/// the column kinds it applies to, and whether it is a hypothesis test (a p-value against a corrected level)
/// or a distance (a statistic against a threshold).
/// </summary>
internal interface IDriftTest
{
    /// <summary>The name reported and accepted (e.g. <c>ks</c>).</summary>
    string Name { get; }

    /// <summary>Whether it compares numeric columns.</summary>
    bool ForNumbers { get; }

    /// <summary>Whether it compares categorical columns.</summary>
    bool ForCategories { get; }

    /// <summary>Whether it gives a p-value (judged against the corrected significance level).</summary>
    bool HasPValue { get; }

    /// <summary>Runs the test on a prepared column.</summary>
    DriftTestOutcome Run(ColumnSample sample);
}

/// <summary>What a test found: its statistic and p-value, or why the data are too thin to judge.</summary>
/// <param name="Statistic">The statistic or distance.</param>
/// <param name="PValue">The p-value; null for distances.</param>
/// <param name="Insufficient">Why the column cannot be judged by this test; null when it was.</param>
internal readonly record struct DriftTestOutcome(double Statistic, double? PValue, string? Insufficient = null)
{
    public static DriftTestOutcome Thin(string reason) => new(double.NaN, null, reason);
}

namespace Recur.Core.Project;

/// <summary>How the fairness lens measures the candidate during <c>recur train</c> (with <c>sensitive:</c>).</summary>
public sealed class FairnessConfig
{
    /// <summary>Fewest rows a group needs for an interval and to take part in the gaps.</summary>
    public int MinGroup { get; set; } = 30;

    /// <summary>Whether every intersection of two or more sensitive columns is measured too.</summary>
    public bool Intersections { get; set; }

    /// <summary>Bootstrap resamples per interval.</summary>
    public int Resamples { get; set; } = 1000;
}

/// <summary>
/// Fairness promotion gates, each checked on every sensitive column (and intersection): unset gates are not
/// checked. A gap the lens cannot compute (fewer than two large enough groups) fails its gate.
/// </summary>
public sealed class FairnessGateConfig
{
    /// <summary>Largest equalized-odds gap (the larger of the TPR and FPR differences between groups).</summary>
    public double? MaxEqualizedOddsGap { get; set; }

    /// <summary>Largest demographic-parity gap (the selection-rate difference between groups).</summary>
    public double? MaxDemographicParityGap { get; set; }

    /// <summary>Smallest four-fifths ratio (lowest selection rate over highest), e.g. 0.8.</summary>
    public double? MinFourFifthsRatio { get; set; }

    /// <summary>Whether any gate is set.</summary>
    public bool Any => MaxEqualizedOddsGap is not null || MaxDemographicParityGap is not null || MinFourFifthsRatio is not null;
}

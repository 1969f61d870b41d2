namespace Recur.Monitoring.Drift;

/// <summary>
/// Conventional reading of a Population Stability Index value.
/// </summary>
public enum PsiBand
{
    /// <summary>PSI below 0.1: no meaningful shift.</summary>
    Stable,

    /// <summary>PSI from 0.1 up to and including 0.25: a shift worth watching.</summary>
    Moderate,

    /// <summary>PSI above 0.25: a major shift.</summary>
    Major,
}

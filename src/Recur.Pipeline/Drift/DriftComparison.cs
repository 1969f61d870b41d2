using Recur.Monitoring.Drift;

namespace Recur.Pipeline.Drift;

/// <summary>The result of comparing two datasets.</summary>
/// <param name="Reference">The reference side: what was read and its rows.</param>
/// <param name="Current">The current side.</param>
/// <param name="Report">Per-column verdicts, the drift share and the dataset verdict.</param>
/// <param name="OnlyInReference">Columns only the reference has (left out of the comparison).</param>
/// <param name="OnlyInCurrent">Columns only the current side has (left out of the comparison).</param>
/// <param name="ReadTime">Time spent reading and typing both sides.</param>
/// <param name="StatisticsTime">Time spent on the statistics, the data already in memory.</param>
public sealed record DriftComparison(
    DriftSideInfo Reference,
    DriftSideInfo Current,
    DriftReport Report,
    IReadOnlyList<string> OnlyInReference,
    IReadOnlyList<string> OnlyInCurrent,
    TimeSpan ReadTime,
    TimeSpan StatisticsTime)
{
    /// <summary>Processor time of the statistics over all threads (columns run in parallel), for benchmarks on a shared machine.</summary>
    public TimeSpan StatisticsCpuTime { get; init; }

    /// <summary>
    /// Text columns left out by default because every reference value is distinct (an identifier such as a key:
    /// its values never repeat, so a category test would always report drift). Name them in --columns to compare them.
    /// </summary>
    public IReadOnlyList<string> Identifiers { get; init; } = [];
}

/// <summary>One side of a comparison.</summary>
/// <param name="Source">What was read, for people: "file ref.csv" or "dataset 'adult', snapshot 1a2b3c4d5e6f".</param>
/// <param name="Rows">Its rows.</param>
public sealed record DriftSideInfo(string Source, int Rows)
{
    /// <summary>Rows of a file set aside as malformed (wrong field count, unparsable); they are not compared.</summary>
    public int Quarantined { get; init; }
}

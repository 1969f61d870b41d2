using Recur.Serving.Requests;

namespace Recur.Serving.Batch;

/// <summary>What a batch run did.</summary>
/// <param name="Rows">Rows read.</param>
/// <param name="Scored">Rows scored (and logged unless logging was off).</param>
/// <param name="Rejected">Rows refused, each reported in the rejects.</param>
/// <param name="ModelVersion">The version that scored them.</param>
/// <param name="Seconds">Wall time of the run.</param>
public sealed record BatchSummary(long Rows, long Scored, long Rejected, int ModelVersion, double Seconds)
{
    /// <summary>Rows read per second of wall time.</summary>
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
}

/// <summary>Progress of a running batch: rows read so far and the time taken.</summary>
public readonly record struct BatchProgress(long Rows, long Rejected, double Seconds)
{
    /// <summary>Rows per second so far.</summary>
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
}

/// <summary>One chunk scored: its results (in row order) with their input indices, and the rows refused.</summary>
public sealed record ScoredChunk(int Sequence, int Rows, IReadOnlyList<PredictionResult> Results, IReadOnlyList<long> Indices, IReadOnlyList<BatchReject> Rejects);

/// <summary>Receives scored chunks in input order (an output file, a rejects file, a published store).</summary>
public interface IBatchSink : IAsyncDisposable
{
    /// <summary>Takes the next chunk.</summary>
    Task WriteAsync(ScoredChunk chunk, CancellationToken ct = default);

    /// <summary>Makes what was written visible (a rename, a commit); not called when the run fails.</summary>
    Task CompleteAsync(CancellationToken ct = default);
}

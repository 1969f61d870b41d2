using Recur.Core;

namespace Recur.Serving.Batch;

/// <summary>How a batch run reads, scores and logs.</summary>
public sealed class BatchOptions
{
    /// <summary>Rows per chunk (default 8,192): the unit read, scored in parallel and written.</summary>
    public int ChunkRows { get; init; } = 8192;

    /// <summary>Chunks scored at once (default: the processor count); at most twice as many are held.</summary>
    public int Parallel { get; init; } = Environment.ProcessorCount;

    /// <summary>The column holding each row's key; null numbers rows <c>row-N</c>.</summary>
    public string? KeyColumn { get; init; }

    /// <summary>Whether every prediction goes to the prediction log (default true).</summary>
    public bool Log { get; init; } = true;

    /// <summary>Field values that mean missing besides the empty field (recur.yaml's datasets' <c>missing</c>).</summary>
    public IReadOnlyList<string> MissingTokens { get; init; } = [];

    /// <summary>Throws Invalid naming the option when a setting is out of range.</summary>
    public void Validate()
    {
        if (ChunkRows is < 1 or > 1_000_000) throw RecurException.Invalid($"--chunk-rows must be between 1 and 1000000, not {ChunkRows}", "--chunk-rows");
        if (Parallel is < 1 or > 256) throw RecurException.Invalid($"--parallel must be between 1 and 256, not {Parallel}", "--parallel");
    }
}

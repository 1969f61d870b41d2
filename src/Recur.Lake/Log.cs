using Microsoft.Extensions.Logging;

namespace Recur.Lake;

/// <summary>The lake's log messages (event ids 1000–1099), source-generated.</summary>
internal static partial class LakeLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Stored snapshot file {Id}")]
    public static partial void SnapshotFileStored(this ILogger logger, string id);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Snapshot {Id} of {Dataset} committed: {Rows} rows, {Quarantined} quarantined, {Segments} segment(s), {Written} written (reused: {Reused})")]
    public static partial void SnapshotCommitted(this ILogger logger, string id, string dataset, long rows, long quarantined, int segments, int written, bool reused);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{Count} row(s) of {Dataset} quarantined from {Source}")]
    public static partial void RowsQuarantined(this ILogger logger, int count, string dataset, string source);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Deleted {Count} temporary file(s) left in {Folder} by an interrupted writer")]
    public static partial void AbandonedFilesSwept(this ILogger logger, int count, string folder);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Stored profile {Id} ({Part}, {Rows} rows)")]
    public static partial void ProfileStored(this ILogger logger, string id, string part, long rows);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Deleted snapshot {Id} from the lake")]
    public static partial void SnapshotDeleted(this ILogger logger, string id);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Derived snapshot {Id} of {Dataset} stored from {Parents}")]
    public static partial void DerivedSnapshotStored(this ILogger logger, string id, string dataset, string parents);
}

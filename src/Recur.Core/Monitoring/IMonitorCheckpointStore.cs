namespace Recur.Core.Monitoring;

/// <summary>Monitoring state materialised up to a cursor: the batch view that the next run starts from.</summary>
/// <param name="Model">The model monitored.</param>
/// <param name="Cursor">The last events consumed.</param>
/// <param name="Fingerprint">What the state was computed against (windows, reference, features); another one invalidates it.</param>
/// <param name="State">The serialised state.</param>
/// <param name="WrittenAt">When it was written.</param>
public sealed record MonitorCheckpoint(string Model, EventCursor Cursor, string Fingerprint, string State, DateTimeOffset WrittenAt);

/// <summary>Monitoring checkpoints, one current per model; a write is atomic, so a killed run leaves the previous one.</summary>
public interface IMonitorCheckpointStore
{
    /// <summary>The model's current checkpoint, or null before the first.</summary>
    Task<MonitorCheckpoint?> ReadAsync(string model, CancellationToken ct = default);

    /// <summary>Replaces the model's checkpoint in one transaction.</summary>
    Task WriteAsync(MonitorCheckpoint checkpoint, CancellationToken ct = default);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core.Monitoring;
using Recur.Monitoring.Incremental.Internal;

namespace Recur.Monitoring.Incremental;

/// <summary>
/// Kappa/Lambda monitoring over the event log. The batch view is the state materialised in the model's checkpoint;
/// the speed view folds only the events after it; the answer is their merge. Because every part of the state is an
/// exact sum, the merge equals a replay of the log from the start: <see cref="AdvanceAsync"/>,
/// <see cref="ViewAsync"/> and <see cref="ReplayAsync"/> give the same bytes over the same events.
/// </summary>
public sealed class IncrementalMonitor(IMonitoringEventLog log, IMonitorCheckpointStore checkpoints, TimeProvider time, ILogger? logger = null)
{
    /// <summary>Predictions read per query.</summary>
    public const int PageSize = 20_000;

    // Feedback seqs scanned per query for labels of predictions already in the batch view.
    private const long FeedbackChunk = 100_000;

    private readonly ILogger _log = logger ?? NullLogger.Instance;

    /// <summary>Merges the checkpoint with the events since, then stores the merge as the new checkpoint.</summary>
    public Task<MonitoringRun> AdvanceAsync(MonitorSubject subject, CancellationToken ct = default) => RunFromCheckpointAsync(subject, write: true, ct);

    /// <summary>Merges the checkpoint (batch view) with the events since (speed view) and writes nothing.</summary>
    public Task<MonitoringRun> ViewAsync(MonitorSubject subject, CancellationToken ct = default) => RunFromCheckpointAsync(subject, write: false, ct);

    /// <summary>Recomputes every window from the log alone, from <paramref name="from"/>; reads and writes no checkpoint.</summary>
    public async Task<MonitoringRun> ReplayAsync(MonitorSubject subject, ReplayStart from, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(from);
        var prepared = new PreparedSubject(subject);
        var head = await log.HeadAsync(ct);
        var after = from.Time is { } t ? await log.SeqBeforeAsync(subject.Model, t, ct) : from.Seq - 1;
        var batch = new MonitorState
        {
            Fingerprint = subject.Fingerprint,
            AfterSeq = after,
            PredictionSeq = after,
            FeedbackSeq = head.Feedback, // labels up to the head, of the replayed predictions only
            Ordinal = after == 0 ? 0 : await log.CountPredictionsAsync(subject.Model, after, ct),
        };
        var folder = await FoldAsync(prepared, batch, head, ct);
        var answer = MonitoringAnswers.Of(prepared, folder.Speed);
        _log.MonitorRan(subject.Model, "replay", after, folder.Predictions, folder.Labelled, head.Prediction);
        return new MonitoringRun("replay", answer, new EventCursor(after, 0), Views(new MonitorState(), folder.Speed), folder.Predictions, folder.Labelled, false, null);
    }

    private async Task<MonitoringRun> RunFromCheckpointAsync(MonitorSubject subject, bool write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var prepared = new PreparedSubject(subject);
        var fingerprint = subject.Fingerprint;
        var stored = await checkpoints.ReadAsync(subject.Model, ct);
        string? rebuilt = stored is null ? "no checkpoint yet"
            : stored.Fingerprint != fingerprint ? $"the checkpoint was computed against another reference or window setting ({stored.Fingerprint}, now {fingerprint})"
            : null;
        var batch = rebuilt is null ? StateJson.Read(stored!.State) : new MonitorState { Fingerprint = fingerprint };
        if (rebuilt is not null && stored is not null) _log.CheckpointRebuilt(subject.Model, rebuilt);
        var head = await log.HeadAsync(ct);
        var folder = await FoldAsync(prepared, batch, head, ct);
        var merged = batch.MergedWith(folder.Speed, prepared.EmptyWindow);
        var written = false;
        if (write && (rebuilt is not null || merged.PredictionSeq != batch.PredictionSeq || merged.FeedbackSeq != batch.FeedbackSeq))
        {
            var json = StateJson.Write(merged);
            await checkpoints.WriteAsync(new MonitorCheckpoint(subject.Model, new EventCursor(merged.PredictionSeq, merged.FeedbackSeq), fingerprint, json, time.GetUtcNow()), ct);
            _log.CheckpointWritten(subject.Model, merged.PredictionSeq, merged.FeedbackSeq, json.Length);
            written = true;
        }
        var mode = write ? "advance" : "lambda";
        _log.MonitorRan(subject.Model, mode, batch.PredictionSeq, folder.Predictions, folder.Labelled, head.Prediction);
        return new MonitoringRun(mode, MonitoringAnswers.Of(prepared, merged), new EventCursor(batch.PredictionSeq, batch.FeedbackSeq),
            Views(batch, folder.Speed), folder.Predictions, folder.Labelled, written, rebuilt);
    }

    // The speed view: predictions after the batch cursor page by page, each page followed by the labels of its
    // predictions; then new labels of predictions the batch view already holds.
    private async Task<EventFolder> FoldAsync(PreparedSubject subject, MonitorState batch, EventCursor head, CancellationToken ct)
    {
        var folder = new EventFolder(subject, batch);
        var model = subject.Subject.Model;
        var at = batch.PredictionSeq;
        while (at < head.Prediction)
        {
            ct.ThrowIfCancellationRequested();
            var page = await log.ReadPredictionsAsync(model, at, head.Prediction, PageSize, ct);
            var through = page.Count < PageSize ? head.Prediction : page[^1].Seq;
            foreach (var prediction in page) folder.Add(prediction);
            foreach (var pair in await log.ReadLabelledAsync(model, new EventCursor(at, head.Feedback), new EventCursor(through, head.Feedback), ct)) folder.Add(pair);
            at = through;
        }
        for (var f = batch.FeedbackSeq; f < head.Feedback; f = Math.Min(head.Feedback, f + FeedbackChunk))
        {
            ct.ThrowIfCancellationRequested();
            var to = Math.Min(head.Feedback, f + FeedbackChunk);
            foreach (var pair in await log.ReadLabelledAsync(model, new EventCursor(batch.PredictionSeq, f), new EventCursor(batch.PredictionSeq, to), ct)) folder.Add(pair);
        }
        folder.ReadThrough(head);
        return folder;
    }

    private static List<WindowViews> Views(MonitorState batch, MonitorState speed) =>
        batch.Windows.Keys.Union(speed.Windows.Keys).Order().Select(i =>
        {
            var b = batch.Windows.GetValueOrDefault(i);
            var s = speed.Windows.GetValueOrDefault(i);
            return new WindowViews(i, b?.Predictions ?? 0, s?.Predictions ?? 0, b?.Labelled ?? 0, s?.Labelled ?? 0);
        }).ToList();
}

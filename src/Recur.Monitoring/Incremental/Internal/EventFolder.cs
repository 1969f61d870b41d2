using System.Text.Json;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;

namespace Recur.Monitoring.Incremental.Internal;

/// <summary>Folds events into a speed state that continues a batch state.</summary>
internal sealed class EventFolder
{
    private readonly PreparedSubject _subject;
    private readonly MonitorState _speed;
    // Count windows are contiguous runs of the log: first seq → window index, over both views.
    private readonly SortedList<long, long> _countWindows = [];
    private readonly HashSet<long> _countIndexes = [];

    public EventFolder(PreparedSubject subject, MonitorState batch)
    {
        _subject = subject;
        _speed = new MonitorState { Fingerprint = batch.Fingerprint, AfterSeq = batch.AfterSeq, PredictionSeq = batch.PredictionSeq, FeedbackSeq = batch.FeedbackSeq, Ordinal = batch.Ordinal };
        foreach (var (index, window) in batch.Windows)
        {
            _countWindows[window.FirstSeq] = index;
            _countIndexes.Add(index);
        }
    }

    public MonitorState Speed => _speed;

    public long Predictions { get; private set; }

    public long Labelled { get; private set; }

    public void Add(LoggedPrediction logged)
    {
        var record = logged.Record;
        var index = _subject.Subject.Window.IndexOf(record.Timestamp, _speed.Ordinal);
        var window = WindowAt(index);
        if (_subject.Subject.Window.Predictions is not null && _countIndexes.Add(index)) _countWindows[logged.Seq] = index;
        window.FirstSeq = Math.Min(window.FirstSeq, logged.Seq);
        window.LastSeq = Math.Max(window.LastSeq, logged.Seq);
        window.Predictions++;
        if (!window.Live.TryGetValue(record.Version, out var live)) window.Live[record.Version] = live = new LiveAccumulator();
        live.Predictions++;
        AddInputs(window, record.InputsJson);
        var scores = _subject.Scores;
        if (scores.Numeric) window.Scores.AddNumber(record.Score, scores.Edges!);
        else window.Scores.AddText(record.Label, scores.Known!);
        _speed.Ordinal++;
        _speed.PredictionSeq = logged.Seq;
        Predictions++;
    }

    public void Add(LabelledEvent pair)
    {
        var prediction = pair.Prediction;
        var index = _subject.Subject.Window.Predictions is null
            ? _subject.Subject.Window.IndexOf(prediction.Timestamp, 0)
            : CountWindowOf(pair.PredictionSeq);
        var window = WindowAt(index);
        window.Labelled++;
        if (!window.Live.TryGetValue(prediction.Version, out var live)) window.Live[prediction.Version] = live = new LiveAccumulator();
        var subject = _subject.Subject;
        switch (subject.Task)
        {
            case ModelTask.Binary: live.AddBinary(prediction.Score, pair.TrueLabel == subject.Positive, subject.Threshold); break;
            // A multilabel set is logged and stored in one canonical text, so equal texts are equal sets (subset accuracy).
            case ModelTask.Multiclass or ModelTask.Multilabel: live.AddClass(pair.TrueLabel, prediction.Label); break;
            default: live.AddValue(prediction.Score, pair.TrueLabel); break;
        }
        Labelled++;
    }

    /// <summary>Marks both logs read through <paramref name="head"/>.</summary>
    public void ReadThrough(EventCursor head)
    {
        _speed.PredictionSeq = head.Prediction;
        _speed.FeedbackSeq = head.Feedback;
    }

    private long CountWindowOf(long seq)
    {
        // The last window that starts at or before the prediction.
        var keys = _countWindows.Keys;
        int lo = 0, hi = keys.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (keys[mid] <= seq) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found < 0 ? throw new InvalidOperationException($"prediction seq {seq} precedes every window") : _countWindows.Values[found];
    }

    private WindowState WindowAt(long index)
    {
        if (!_speed.Windows.TryGetValue(index, out var window)) _speed.Windows[index] = window = _subject.EmptyWindow();
        return window;
    }

    private void AddInputs(WindowState window, string inputsJson)
    {
        using var doc = JsonDocument.Parse(inputsJson);
        var root = doc.RootElement;
        for (var f = 0; f < _subject.Features.Count; f++)
        {
            var column = _subject.Features[f];
            var present = root.TryGetProperty(column.Name, out var value) && value.ValueKind != JsonValueKind.Null;
            if (column.Numeric) window.Features[f].AddNumber(present && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN, column.Edges!);
            else window.Features[f].AddText(!present ? null : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), column.Known!);
        }
    }
}

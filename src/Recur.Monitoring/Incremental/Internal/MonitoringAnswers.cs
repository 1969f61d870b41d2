using Recur.Core.Monitoring;

namespace Recur.Monitoring.Incremental.Internal;

/// <summary>Turns a state into its answer: each window, then all of them merged.</summary>
internal static class MonitoringAnswers
{
    /// <summary>The name prediction drift is reported under.</summary>
    public const string PredictionColumn = "prediction";

    public static MonitoringAnswer Of(PreparedSubject subject, MonitorState state)
    {
        var windows = state.Windows.Select(w => Window(subject, w.Key, w.Value)).ToList();
        var all = subject.EmptyWindow();
        foreach (var window in state.Windows.Values) all.Merge(window);
        return new MonitoringAnswer(subject.Subject.Model, subject.Subject.Window.Text, state.AfterSeq + 1,
            new EventCursor(state.PredictionSeq, state.FeedbackSeq), windows, Window(subject, -1, all));
    }

    private static WindowAnswer Window(PreparedSubject subject, long index, WindowState window)
    {
        var bounds = index >= 0 ? subject.Subject.Window.TimeBounds(index) : null;
        var (drift, share) = SketchDrift.Features(subject, window);
        var live = window.Live.Select(v => new VersionLive(v.Key, v.Value.Predictions, v.Value.Labelled, LiveAnswers.Metrics(subject.Subject.Task, v.Value))).ToList();
        return new WindowAnswer(index, bounds?.Start, bounds?.End, window.FirstSeq == long.MaxValue ? 0 : window.FirstSeq, window.LastSeq,
            window.Predictions, window.Labelled, live, drift, SketchDrift.Predictions(subject, window), share);
    }
}

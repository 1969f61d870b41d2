namespace Recur.Monitoring.Incremental.Internal;

/// <summary>Everything accumulated in one window; every part merges exactly (see <see cref="Merge"/>).</summary>
internal sealed class WindowState
{
    public long FirstSeq { get; set; } = long.MaxValue;

    public long LastSeq { get; set; }

    public long Predictions { get; set; }

    public long Labelled { get; set; }

    /// <summary>Per feature, in subject order.</summary>
    public List<FeatureSketch> Features { get; set; } = [];

    /// <summary>The predictions themselves.</summary>
    public FeatureSketch Scores { get; set; } = new();

    /// <summary>Per version that answered.</summary>
    public SortedDictionary<int, LiveAccumulator> Live { get; set; } = [];

    public void Merge(WindowState other)
    {
        FirstSeq = Math.Min(FirstSeq, other.FirstSeq);
        LastSeq = Math.Max(LastSeq, other.LastSeq);
        Predictions += other.Predictions;
        Labelled += other.Labelled;
        for (var i = 0; i < Features.Count; i++) Features[i].Merge(other.Features[i]);
        Scores.Merge(other.Scores);
        foreach (var (version, live) in other.Live)
        {
            if (!Live.TryGetValue(version, out var mine)) Live[version] = mine = new LiveAccumulator();
            mine.Merge(live);
        }
    }
}

/// <summary>The monitoring state of a model up to a cursor: its windows by index and how many predictions it has seen.</summary>
internal sealed class MonitorState
{
    public string Fingerprint { get; set; } = "";

    public long PredictionSeq { get; set; }

    public long FeedbackSeq { get; set; }

    /// <summary>The first prediction seq covered, minus one (0 for the whole log).</summary>
    public long AfterSeq { get; set; }

    /// <summary>Answered predictions of the model before and including <see cref="PredictionSeq"/> (count windows number them).</summary>
    public long Ordinal { get; set; }

    public SortedDictionary<long, WindowState> Windows { get; set; } = [];

    /// <summary>This state followed by <paramref name="speed"/>, a state of the events after it.</summary>
    public MonitorState MergedWith(MonitorState speed, Func<WindowState> empty)
    {
        var merged = new MonitorState
        {
            Fingerprint = Fingerprint,
            PredictionSeq = speed.PredictionSeq,
            FeedbackSeq = speed.FeedbackSeq,
            AfterSeq = AfterSeq,
            Ordinal = speed.Ordinal,
        };
        foreach (var source in new[] { this, speed })
        {
            foreach (var (index, window) in source.Windows)
            {
                if (!merged.Windows.TryGetValue(index, out var into)) merged.Windows[index] = into = empty();
                into.Merge(window);
            }
        }
        return merged;
    }
}

using System.Globalization;
using Recur.Core;
using Recur.Core.Serving;

namespace Recur.Monitoring.Live;

/// <summary>
/// How the prediction log is cut for live performance: clock windows by prediction time (<c>30m</c>, <c>1h</c>,
/// <c>1d</c>; aligned to UTC multiples of the width since 1970, so days start at midnight UTC), blocks of N consecutive
/// predictions of a version (<c>500</c>), or the whole log (<c>all</c>).
/// </summary>
public sealed record PerformanceWindow
{
    private PerformanceWindow(string text, TimeSpan? width, int? rows) => (Text, Width, Rows) = (text, width, rows);

    /// <summary>The window as written.</summary>
    public string Text { get; }

    /// <summary>The clock width; null for blocks of rows or the whole log.</summary>
    public TimeSpan? Width { get; }

    /// <summary>The predictions per block; null for clock windows or the whole log.</summary>
    public int? Rows { get; }

    /// <summary>The whole log as one window per version.</summary>
    public static PerformanceWindow All { get; } = new("all", null, null);

    /// <summary>Reads <c>1h</c>, <c>1d</c>, <c>30m</c>, <c>2w</c>, <c>500</c> or <c>all</c>; an error naming <paramref name="option"/> otherwise.</summary>
    public static PerformanceWindow Parse(string text, string option = "--window")
    {
        var t = (text ?? "").Trim();
        if (t == "all") return All;
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n >= 1 ? new(t, null, n) : throw RecurException.Invalid($"{option}: a block needs at least 1 prediction, not {n}", option);
        }
        return Core.Project.DurationText.TryParse(t, out _) is { } width && width > TimeSpan.Zero
            ? new(t, width, null)
            : throw RecurException.Invalid($"{option}: '{text}' is not a window (a duration such as 1h or 1d, a number of predictions such as 500, or all)", option);
    }

    /// <summary>The log cut into windows: per version (ascending), windows in time order, each holding its predictions.</summary>
    public IReadOnlyList<WindowSlice> Cut(IReadOnlyList<PredictionRecord> logged)
    {
        ArgumentNullException.ThrowIfNull(logged);
        var slices = new List<WindowSlice>();
        foreach (var version in logged.GroupBy(r => r.Version).OrderBy(g => g.Key))
        {
            var rows = version.OrderBy(r => r.Timestamp).ToList();
            if (Width is { } width)
            {
                foreach (var bucket in rows.GroupBy(r => Floor(r.Timestamp, width)))
                {
                    slices.Add(new WindowSlice(version.Key, bucket.Key, bucket.Key + width, bucket.ToList()));
                }
            }
            else
            {
                foreach (var block in rows.Chunk(Rows ?? int.MaxValue))
                {
                    slices.Add(new WindowSlice(version.Key, block[0].Timestamp, block[^1].Timestamp, block));
                }
            }
        }
        return slices;
    }

    private static DateTimeOffset Floor(DateTimeOffset t, TimeSpan width)
    {
        var ticks = (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / width.Ticks * width.Ticks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }
}

/// <summary>One window of one version: its bounds and the predictions logged in it.</summary>
/// <param name="Version">The model version that answered.</param>
/// <param name="Start">The window's start (a clock window's boundary, or a block's first prediction).</param>
/// <param name="End">The window's end (exclusive for clock windows; a block's last prediction).</param>
/// <param name="Rows">The predictions, oldest first.</param>
public sealed record WindowSlice(int Version, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<PredictionRecord> Rows);

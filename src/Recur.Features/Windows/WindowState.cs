using Recur.Features.Windows.Internal;

namespace Recur.Features.Windows;

/// <summary>
/// The incremental state of one window over one column: events go in with <see cref="Add"/>, leave by time with
/// <see cref="Advance"/> (a time window) or by count (an event window), and <see cref="Read"/> gives the aggregates in
/// O(1) — running sums shifted by the first value, and monotone deques for the extremes. The sums are re-added from
/// the buffer once as many events have left as it holds, so rounding cannot build up (amortised O(1)). Missing (NaN)
/// values are not added. Not thread-safe: its owner serialises access.
/// </summary>
public sealed class WindowState(WindowSize size)
{
    private readonly EventRing _events = new();
    private readonly MonotoneDeque _min = new(minimum: true);
    private readonly MonotoneDeque _max = new(minimum: false);
    private long _added;
    private double _shift;
    private double _sum;
    private double _sumSquares;
    private int _leftSinceResum;

    /// <summary>The window's length.</summary>
    public WindowSize Size { get; } = size;

    /// <summary>Values in the window now.</summary>
    public int Count => _events.Count;

    /// <summary>
    /// Moves a time window's end to <paramref name="now"/> (ticks): events at or before <c>now − length</c> leave, so
    /// the window holds (now − length, now]. An event window is not changed.
    /// </summary>
    public void Advance(long now)
    {
        if (!Size.IsTime) return;
        var edge = now - Size.Amount;
        while (_events.Count > 0 && _events.OldestTime <= edge) Evict();
    }

    /// <summary>Adds an event at <paramref name="time"/> (ticks); a missing (NaN) value is ignored. An event window keeps its newest events.</summary>
    public void Add(long time, double value)
    {
        if (double.IsNaN(value)) return;
        if (_events.Count == 0) (_shift, _sum, _sumSquares) = (value, 0, 0);
        _events.Push(time, value);
        var d = value - _shift;
        _sum += d;
        _sumSquares += d * d;
        _min.Push(_added, value);
        _max.Push(_added, value);
        _added++;
        if (!Size.IsTime) while (_events.Count > Size.Amount) Evict();
    }

    /// <summary>The window's aggregates now.</summary>
    public WindowMoments Read() => _events.Count == 0
        ? new WindowMoments(0, 0, 0, 0, double.NaN, double.NaN, 0, 0, Size)
        : new WindowMoments(_events.Count, _shift, _sum, _sumSquares, _min.Front, _max.Front, _events.OldestTime, _events.NewestTime, Size);

    private void Evict()
    {
        var d = _events.PopOldest() - _shift;
        var oldestLeft = _added - _events.Count;
        _min.DropBefore(oldestLeft);
        _max.DropBefore(oldestLeft);
        if (_events.Count == 0)
        {
            (_sum, _sumSquares, _leftSinceResum) = (0, 0, 0);
            return;
        }
        _sum -= d;
        _sumSquares -= d * d;
        if (++_leftSinceResum >= Math.Max(_events.Count, 32)) Resum();
    }

    private void Resum()
    {
        double sum = 0, squares = 0;
        for (var i = 0; i < _events.Count; i++)
        {
            var d = _events.ValueAt(i) - _shift;
            sum += d;
            squares += d * d;
        }
        (_sum, _sumSquares, _leftSinceResum) = (sum, squares, 0);
    }
}

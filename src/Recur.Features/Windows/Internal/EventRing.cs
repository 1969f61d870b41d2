namespace Recur.Features.Windows.Internal;

/// <summary>A growable first-in first-out buffer of (time, value) events: a window's contents, oldest first.</summary>
internal sealed class EventRing
{
    private long[] _times = new long[8];
    private double[] _values = new double[8];
    private int _head;

    public int Count { get; private set; }

    public long OldestTime => _times[_head];

    public long NewestTime => _times[(_head + Count - 1) & (_times.Length - 1)];

    public void Push(long time, double value)
    {
        if (Count == _times.Length) Grow();
        var at = (_head + Count) & (_times.Length - 1);
        _times[at] = time;
        _values[at] = value;
        Count++;
    }

    public double PopOldest()
    {
        var value = _values[_head];
        _head = (_head + 1) & (_times.Length - 1);
        Count--;
        return value;
    }

    public double ValueAt(int index) => _values[(_head + index) & (_values.Length - 1)];

    private void Grow()
    {
        var times = new long[_times.Length * 2];
        var values = new double[_values.Length * 2];
        for (var i = 0; i < Count; i++)
        {
            times[i] = _times[(_head + i) & (_times.Length - 1)];
            values[i] = _values[(_head + i) & (_values.Length - 1)];
        }
        (_times, _values, _head) = (times, values, 0);
    }
}

namespace Recur.Features.Windows.Internal;

/// <summary>
/// The running minimum (or maximum) of a sliding window in amortised O(1): a deque of (sequence, value) whose values
/// only increase (decrease) from front to back; the front is the extreme of the events still in the window.
/// </summary>
internal sealed class MonotoneDeque(bool minimum)
{
    private long[] _sequences = new long[8];
    private double[] _values = new double[8];
    private int _head;
    private int _count;

    public double Front => _count == 0 ? double.NaN : _values[_head];

    public void Push(long sequence, double value)
    {
        // A value no better than the newcomer can never be the extreme again: it leaves before the newcomer does.
        while (_count > 0 && (minimum ? _values[Back] >= value : _values[Back] <= value)) _count--;
        if (_count == _sequences.Length) Grow();
        var at = (_head + _count) & (_sequences.Length - 1);
        _sequences[at] = sequence;
        _values[at] = value;
        _count++;
    }

    /// <summary>Drops the entries of events older than <paramref name="sequence"/> (they left the window).</summary>
    public void DropBefore(long sequence)
    {
        while (_count > 0 && _sequences[_head] < sequence)
        {
            _head = (_head + 1) & (_sequences.Length - 1);
            _count--;
        }
    }

    public void Clear() => (_head, _count) = (0, 0);

    private int Back => (_head + _count - 1) & (_sequences.Length - 1);

    private void Grow()
    {
        var sequences = new long[_sequences.Length * 2];
        var values = new double[_values.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            sequences[i] = _sequences[(_head + i) & (_sequences.Length - 1)];
            values[i] = _values[(_head + i) & (_values.Length - 1)];
        }
        (_sequences, _values, _head) = (sequences, values, 0);
    }
}

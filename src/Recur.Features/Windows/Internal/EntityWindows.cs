namespace Recur.Features.Windows.Internal;

/// <summary>
/// One entity's windows: a <see cref="WindowState"/> per slot of the plan, the newest time seen and, when hopping, the
/// features held since the last refresh. Both drivers step events through this one class, so training rows and live
/// requests get the same numbers.
/// </summary>
internal sealed class EntityWindows
{
    private readonly WindowPlan _plan;
    private readonly WindowState[] _states;
    private readonly WindowMoments[] _moments;
    private double[]? _held;
    private long _period = long.MinValue;
    private long _events;

    public EntityWindows(WindowPlan plan)
    {
        _plan = plan;
        _states = [.. plan.Slots.Select(s => new WindowState(s.Size))];
        _moments = new WindowMoments[_states.Length];
    }

    /// <summary>The newest event time seen (ticks); <see cref="long.MinValue"/> before the first.</summary>
    public long Newest { get; private set; } = long.MinValue;

    /// <summary>
    /// Writes the features of an event from the windows before it, then adds the event. An event older than the newest
    /// seen is taken at the newest time (the state cannot go back); the return value says so.
    /// </summary>
    public bool Observe(long time, ReadOnlySpan<double> values, Span<double> features)
    {
        var late = time < Newest;
        if (late) time = Newest;
        foreach (var state in _states) state.Advance(time);
        if (Refreshes(time))
        {
            for (var s = 0; s < _states.Length; s++) _moments[s] = _states[s].Read();
            for (var i = 0; i < _plan.Features.Count; i++)
            {
                var f = _plan.Features[i];
                features[i] = f.Aggregate.Read(in _moments[f.Slot], values[f.ColumnIndex]);
            }
            if (_plan.Every is not null) features.CopyTo(_held ??= new double[features.Length]);
        }
        else
        {
            _held.AsSpan().CopyTo(features);
        }
        for (var s = 0; s < _states.Length; s++) _states[s].Add(time, values[_plan.Slots[s].ColumnIndex]);
        Newest = time;
        _events++;
        return late;
    }

    // Sliding: every event. Hopping by events: every k-th event of the entity. Hopping by time: the first event of
    // each period, periods aligned on tick 0 (0001-01-01, so 5m periods start at :00, :05, …).
    private bool Refreshes(long time)
    {
        if (_plan.Every is not { } every) return true;
        if (!every.IsTime) return _events % every.Amount == 0;
        var period = Math.DivRem(time, every.Amount, out var rest) - (rest < 0 ? 1 : 0);
        if (period == _period) return false;
        _period = period;
        return true;
    }
}

using Recur.Features.Windows.Internal;

namespace Recur.Features.Windows;

/// <summary>
/// The live driver: a long-lived state per entity, fed one event at a time (a request). <see cref="Observe"/> computes
/// the event's window features from the state before it, then adds the event. The state is bounded: at most
/// <see cref="WindowPlan.MaxEntities"/> entities (the least recently seen is dropped past it), and with
/// <see cref="WindowPlan.IdleAfter"/>, entities whose newest event is that much older than the newest event of any
/// entity are dropped; a dropped entity starts again from empty windows. An event older than its entity's newest is
/// taken at the newest time and counted as late. Thread-safe.
/// </summary>
public sealed class LiveWindows(WindowPlan plan)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, EntityWindows Windows)>> _entities = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, EntityWindows Windows)> _recent = new();
    private readonly Lock _gate = new();
    private long _watermark = long.MinValue;

    /// <summary>The plan the features follow.</summary>
    public WindowPlan Plan { get; } = plan ?? throw new ArgumentNullException(nameof(plan));

    /// <summary>How many entities, events, drops and late events the state has seen.</summary>
    public LiveWindowCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);

    /// <summary>
    /// The features of one event (in <see cref="WindowPlan.Features"/> order) from its entity's windows before it; then
    /// the event is added. <paramref name="values"/> follow <see cref="WindowPlan.Columns"/> (NaN for missing);
    /// <paramref name="entity"/> is the <see cref="WindowPlan.By"/> value (ignored without one; null is its own entity).
    /// </summary>
    public double[] Observe(string? entity, long time, ReadOnlySpan<double> values)
    {
        if (values.Length != Plan.Columns.Count) throw new ArgumentException($"expected {Plan.Columns.Count} values ({string.Join(", ", Plan.Columns)}), got {values.Length}", nameof(values));
        var features = new double[Plan.Features.Count];
        var key = Plan.By is null ? "" : entity ?? "\0missing";
        lock (_gate)
        {
            var c = Counts;
            if (!_entities.TryGetValue(key, out var node))
            {
                node = _recent.AddFirst((key, new EntityWindows(Plan)));
                _entities[key] = node;
                c = c with { Entities = c.Entities + 1 };
            }
            else if (node != _recent.First)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
            }
            var late = node.Value.Windows.Observe(time, values, features);
            _watermark = Math.Max(_watermark, time);
            Counts = c with { Events = c.Events + 1, Late = c.Late + (late ? 1 : 0) };
            Bound();
        }
        return features;
    }

    // Idle entities leave from the least recently seen end; then the cap.
    private void Bound()
    {
        var c = Counts;
        if (Plan.IdleAfter is { } idle)
        {
            while (_recent.Last is { } last && last.Value.Windows.Newest <= _watermark - idle)
            {
                Drop(last);
                c = c with { Idle = c.Idle + 1 };
            }
        }
        while (_entities.Count > Plan.MaxEntities)
        {
            Drop(_recent.Last!);
            c = c with { Capped = c.Capped + 1 };
        }
        Counts = c;
    }

    private void Drop(LinkedListNode<(string Key, EntityWindows Windows)> node)
    {
        _recent.Remove(node);
        _entities.Remove(node.Value.Key);
    }
}

/// <summary>What a <see cref="LiveWindows"/> has seen.</summary>
/// <param name="Entities">Entities created (a dropped entity seen again counts again).</param>
/// <param name="Events">Events observed.</param>
/// <param name="Late">Events older than their entity's newest, taken at the newest time.</param>
/// <param name="Idle">Entities dropped for being idle.</param>
/// <param name="Capped">Entities dropped past the cap.</param>
public sealed record LiveWindowCounts(long Entities, long Events, long Late, long Idle, long Capped);

namespace Recur.Features.Windows;

/// <summary>One aggregate of a window (count, mean, zscore, …), looked up by its recur.yaml name in <see cref="WindowAggregates"/>.</summary>
public interface IWindowAggregate
{
    /// <summary>The name used in recur.yaml (<c>agg:</c>).</summary>
    string Name { get; }

    /// <summary>
    /// The feature's value from the window before the current event, and the current event's own value (NaN when
    /// missing; only aggregates that compare the event with its window, like <c>zscore</c>, read it). NaN means missing.
    /// </summary>
    double Read(in WindowMoments window, double current);
}

namespace Recur.Features.Windows;

/// <summary>One compiled window feature of a <see cref="WindowPlan"/>.</summary>
/// <param name="Name">The output column.</param>
/// <param name="Column">The numeric input column.</param>
/// <param name="Aggregate">What is read from the window.</param>
/// <param name="Over">The window's length.</param>
/// <param name="ColumnIndex">The input column's position in <see cref="WindowPlan.Columns"/>.</param>
/// <param name="Slot">The shared window state (one per distinct column and length).</param>
public sealed record WindowFeature(string Name, string Column, IWindowAggregate Aggregate, WindowSize Over, int ColumnIndex, int Slot);

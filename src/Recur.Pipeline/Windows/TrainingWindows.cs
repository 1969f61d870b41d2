using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Core.Serving;
using Recur.Features.Windows;

namespace Recur.Pipeline.Windows;

/// <summary>
/// Wires <c>features.windows</c> into training and serving: the batch driver appends the window columns to the
/// training and evaluation tables before the feature plan is built (so they are numeric model inputs like any column),
/// and the live driver computes the same features per request for a version trained with them.
/// </summary>
public static class TrainingWindows
{
    /// <summary>
    /// The table with the declared window columns appended (each row's windows hold the events before it, in this
    /// table alone); the table itself when recur.yaml declares no windows.
    /// </summary>
    public static DataTable Apply(ProjectConfig config, DataTable table)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(table);
        return config.Features.Windows is { } windows ? BatchWindows.Apply(table, WindowPlan.Compile(windows)) : table;
    }

    /// <summary>
    /// A model's window columns appended to a table of raw events (as training appended them: over the whole table,
    /// before any split or filter); the table itself when the model has no windows or the table already holds them all
    /// (a file written by <c>recur windows apply</c>).
    /// </summary>
    public static DataTable ApplyIfAbsent(WindowsConfig? windows, DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return windows is null || windows.Features.All(f => table.Has(f.Name)) ? table : BatchWindows.Apply(table, WindowPlan.Compile(windows));
    }

    /// <summary>A fresh live source (empty windows) for a served version's declaration.</summary>
    public static IWindowFeatureSource LiveSource(WindowsConfig windows) => new LiveWindowFeatureSource(new LiveWindows(WindowPlan.Compile(windows)));
}

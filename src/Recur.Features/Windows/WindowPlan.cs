using Recur.Core;
using Recur.Core.Project;

namespace Recur.Features.Windows;

/// <summary>
/// A checked <c>features.windows:</c> declaration: the time and entity columns, the features, the input columns they
/// read and the window states they share (one per distinct column and length), the hop and the live bounds. Both
/// drivers (<see cref="BatchWindows"/> and <see cref="LiveWindows"/>) run from one plan.
/// </summary>
public sealed class WindowPlan
{
    private WindowPlan(string time, string? by, IReadOnlyList<WindowFeature> features, IReadOnlyList<string> columns,
        IReadOnlyList<(int ColumnIndex, WindowSize Size)> slots, WindowSize? every, int maxEntities, long? idleAfter)
    {
        (Time, By, Features, Columns, Slots, Every, MaxEntities, IdleAfter) = (time, by, features, columns, slots, every, maxEntities, idleAfter);
    }

    /// <summary>The event-time column.</summary>
    public string Time { get; }

    /// <summary>The entity key column; null for one stream.</summary>
    public string? By { get; }

    /// <summary>The features, in declaration order: the output columns.</summary>
    public IReadOnlyList<WindowFeature> Features { get; }

    /// <summary>The distinct numeric input columns, in order of first use.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The window states each entity keeps: an input column (by position in <see cref="Columns"/>) and a length.</summary>
    public IReadOnlyList<(int ColumnIndex, WindowSize Size)> Slots { get; }

    /// <summary>The hop: features refresh at the first event of each period and hold between; null for every event.</summary>
    public WindowSize? Every { get; }

    /// <summary>Most entities a live state keeps.</summary>
    public int MaxEntities { get; }

    /// <summary>Ticks after which a live entity not seen is dropped; null for never.</summary>
    public long? IdleAfter { get; }

    /// <summary>
    /// Checks and compiles a declaration. Each error names its key under <paramref name="key"/>: a missing time column, no
    /// features, a duplicate or colliding name, an unknown aggregate, a non-positive or unreadable length, an
    /// <c>every</c> longer than a window of the same unit, a bad bound.
    /// </summary>
    public static WindowPlan Compile(WindowsConfig config, string key = "features.windows")
    {
        ArgumentNullException.ThrowIfNull(config);
        if (string.IsNullOrWhiteSpace(config.Time)) throw RecurException.Invalid($"{key}.time is required: name the event-time column", $"{key}.time");
        var by = string.IsNullOrWhiteSpace(config.By) ? null : config.By;
        if (by == config.Time) throw RecurException.Invalid($"{key}.by: '{by}' is also the time column", $"{key}.by");
        if (config.Features.Count == 0) throw RecurException.Invalid($"{key}.features: declare at least one window feature ({{ name, column, agg, over }})", $"{key}.features");
        var columns = new List<string>();
        var slots = new List<(int, WindowSize)>();
        var features = new List<WindowFeature>();
        for (var i = 0; i < config.Features.Count; i++)
        {
            var f = config.Features[i];
            var at = $"{key}.features[{i}]";
            if (string.IsNullOrWhiteSpace(f.Name)) throw RecurException.Invalid($"{at}.name is required", $"{at}.name");
            if (features.Any(g => g.Name == f.Name)) throw RecurException.Invalid($"{at}.name: '{f.Name}' is declared twice", $"{at}.name");
            if (string.IsNullOrWhiteSpace(f.Column)) throw RecurException.Invalid($"{at}.column is required: name the numeric column summarised", $"{at}.column");
            if (f.Column == config.Time || f.Column == by) throw RecurException.Invalid($"{at}.column: '{f.Column}' is the {(f.Column == by ? "entity" : "time")} column, not a value", $"{at}.column");
            var aggregate = WindowAggregates.Get(f.Agg, $"{at}.agg");
            var over = WindowSize.Parse(f.Over, $"{at}.over");
            var column = columns.IndexOf(f.Column);
            if (column < 0) columns.Add(f.Column);
            column = columns.IndexOf(f.Column);
            var slot = slots.IndexOf((column, over));
            if (slot < 0) slots.Add((column, over));
            features.Add(new WindowFeature(f.Name, f.Column, aggregate, over, column, slots.IndexOf((column, over))));
        }
        if (features.FirstOrDefault(f => columns.Contains(f.Name) || f.Name == config.Time || f.Name == by) is { } clash)
        {
            var i = features.IndexOf(clash);
            throw RecurException.Invalid($"{key}.features[{i}].name: '{clash.Name}' is an input column; a window feature needs a new name", $"{key}.features[{i}].name");
        }
        WindowSize? every = string.IsNullOrWhiteSpace(config.Every) ? null : WindowSize.Parse(config.Every, $"{key}.every");
        if (every is { } hop && features.FirstOrDefault(f => f.Over.Unit == hop.Unit && f.Over.Amount < hop.Amount) is { } shorter)
        {
            throw RecurException.Invalid($"{key}.every: '{hop}' is longer than the window '{shorter.Over}' of feature '{shorter.Name}'; events would be skipped between refreshes", $"{key}.every");
        }
        if (config.MaxEntities < 1) throw RecurException.Invalid($"{key}.max_entities must be at least 1, not {config.MaxEntities}", $"{key}.max_entities");
        long? idle = null;
        if (!string.IsNullOrWhiteSpace(config.IdleAfter))
        {
            var size = WindowSize.Parse(config.IdleAfter, $"{key}.idle_after");
            if (!size.IsTime) throw RecurException.Invalid($"{key}.idle_after: '{size}' must be a time (e.g. 1d), not a number of events", $"{key}.idle_after");
            idle = size.Amount;
        }
        return new WindowPlan(config.Time, by, features, columns, slots, every, config.MaxEntities, idle);
    }
}

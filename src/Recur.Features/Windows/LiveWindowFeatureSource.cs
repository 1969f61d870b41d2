using System.Globalization;
using Recur.Core;
using Recur.Core.Serving;

namespace Recur.Features.Windows;

/// <summary>
/// The serving hook over a <see cref="LiveWindows"/>: reads an event from a request's fields as text (the time as a
/// date-time or seconds, values as invariant numbers, empty or absent values as missing) and returns its window features.
/// </summary>
public sealed class LiveWindowFeatureSource(LiveWindows live) : IWindowFeatureSource
{
    /// <summary>The live state behind it (its counts say how many entities were dropped and events came late).</summary>
    public LiveWindows Live { get; } = live ?? throw new ArgumentNullException(nameof(live));

    /// <inheritdoc />
    public IReadOnlyList<string> Inputs { get; } = [live.Plan.Time, .. live.Plan.By is null ? Array.Empty<string>() : [live.Plan.By], .. live.Plan.Columns];

    /// <inheritdoc />
    public IReadOnlyList<string> Outputs { get; } = [.. live.Plan.Features.Select(f => f.Name)];

    /// <inheritdoc />
    public IReadOnlyList<double> Next(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var plan = Live.Plan;
        var timeText = fields.GetValueOrDefault(plan.Time);
        var time = WindowTime.Parse(timeText)
            ?? (double.TryParse(timeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) ? WindowTime.FromSeconds(seconds) : (long?)null)
            ?? throw RecurException.Invalid(timeText is null
                ? $"{plan.Time}: the event time is missing (features.windows.time)"
                : $"{plan.Time}: '{timeText}' is not a date-time (yyyy-MM-dd HH:mm:ss) or seconds", plan.Time);
        Span<double> values = stackalloc double[plan.Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var text = fields.GetValueOrDefault(plan.Columns[i]);
            if (string.IsNullOrWhiteSpace(text)) values[i] = double.NaN;
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw RecurException.Invalid($"{plan.Columns[i]}: '{text}' is not a number", plan.Columns[i]);
            }
        }
        return Live.Observe(plan.By is null ? null : fields.GetValueOrDefault(plan.By), time, values);
    }
}

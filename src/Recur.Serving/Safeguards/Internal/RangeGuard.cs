using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Profiles;
using Recur.Core.Project;

namespace Recur.Serving.Safeguards.Internal;

/// <summary>A number outside the training min..max (widened by the margin, a share of the range) fires; clamp moves it to the nearer bound.</summary>
internal sealed class RangeGuard : IInputGuard
{
    public string Kind => "range";

    public bool CanClamp => true;

    public InputRule? Learn(FeatureSpec feature, ColumnProfile? profile, InputGuardConfig settings, SafeguardAction action)
    {
        if (profile?.Numeric is not { } numbers || feature.Type is not (ColumnType.Integer or ColumnType.Real)) return null;
        var pad = (numbers.Max - numbers.Min) * settings.Margin;
        return new RangeRule(feature.Name, action, numbers.Min - pad, numbers.Max + pad);
    }
}

/// <summary>The learned bounds of one numeric input.</summary>
internal sealed class RangeRule(string column, SafeguardAction action, double min, double max) : InputRule("range", column, action)
{
    public double Min { get; } = min;

    public double Max { get; } = max;

    public override string Learned => $"{Format(Min)}..{Format(Max)}";

    public override bool Fires(DataTable features, int row, out string problem)
    {
        var value = ((NumericColumn)features[Column]).Values[row];
        var fires = !double.IsNaN(value) && (value < Min || value > Max);
        problem = fires ? $"{Format(value)} is outside the training range {Learned}" : "";
        return fires;
    }

    public override void Clamp(DataTable features, int row)
    {
        var values = ((NumericColumn)features[Column]).Values;
        values[row] = Math.Clamp(values[row], Min, Max);
    }

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}

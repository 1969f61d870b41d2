using Recur.Core.Data;

namespace Recur.Features.Internal;

/// <summary>Reading and making columns for the transforms.</summary>
internal static class Columns
{
    /// <summary>A numeric column's values (NaN when missing).</summary>
    public static double[] Numbers(DataColumn column) => column is NumericColumn n ? n.Values
        : throw Core.RecurException.Invalid($"column '{column.Name}' holds text; this transform needs numbers", column.Name);

    /// <summary>A real column.</summary>
    public static NumericColumn Real(string name, double[] values) => new(new ColumnSpec(name, ColumnType.Real), values);

    /// <summary>A text (categorical) column.</summary>
    public static TextColumn Text(string name, string?[] values) => new(new ColumnSpec(name, ColumnType.Text), values);

    /// <summary>The present (non-NaN) values, sorted.</summary>
    public static double[] SortedPresent(double[] values)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(present);
        return present;
    }

    /// <summary>The q-quantile of sorted values by linear interpolation (NaN when there are none).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>Mean and population standard deviation of the present values (0 and 0 when there are none).</summary>
    public static (double Mean, double Std) Moments(double[] values)
    {
        double sum = 0, count = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            sum += v;
            count++;
        }
        if (count == 0) return (0, 0);
        var mean = sum / count;
        double squares = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v)) squares += (v - mean) * (v - mean);
        }
        return (mean, Math.Sqrt(squares / count));
    }

    /// <summary>A number as the saved chain and the describe output write it.</summary>
    public static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}

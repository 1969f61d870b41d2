using System.Globalization;
using Recur.Core.Data;

namespace Recur.Lake.Ingest;

/// <summary>
/// Infers a column's type from its values. A column is numeric when nearly all present values parse
/// as numbers; the few that do not are then malformed rows (quarantined), not a reason to call the
/// whole column text.
/// </summary>
public static class TypeInference
{
    /// <summary>Share of present values that must parse for a column to be numeric.</summary>
    public const double NumericShare = 0.98;

    /// <summary>Infers the type of a column of raw (trimmed, missing = null) values.</summary>
    public static ColumnType Infer(IEnumerable<string?> values)
    {
        long present = 0, integers = 0, reals = 0;
        foreach (var value in values)
        {
            if (value is null) continue;
            present++;
            if (TryInteger(value, out _)) integers++;
            else if (TryReal(value, out _)) reals++;
        }
        if (present == 0) return ColumnType.Text;
        if (integers >= NumericShare * present && reals == 0) return ColumnType.Integer;
        return integers + reals >= NumericShare * present ? ColumnType.Real : ColumnType.Text;
    }

    /// <summary>Parses an invariant-culture integer.</summary>
    public static bool TryInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses an invariant-culture real number (no thousands separators).</summary>
    public static bool TryReal(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}

using System.Globalization;

namespace Recur.Lake.Ingest;

/// <summary>
/// The rules of type inference (applied in <see cref="TableBuilder"/>): a column is numeric when
/// nearly all present values parse as numbers; the few that do not are then malformed rows
/// (quarantined), not a reason to call the whole column text.
/// </summary>
public static class TypeInference
{
    /// <summary>Share of present values that must parse for a column to be numeric.</summary>
    public const double NumericShare = 0.98;

    /// <summary>Parses an invariant-culture integer.</summary>
    public static bool TryInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses an invariant-culture real number (no thousands separators).</summary>
    public static bool TryReal(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}

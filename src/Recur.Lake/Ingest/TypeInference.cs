using Recur.Core.Data;

namespace Recur.Lake.Ingest;

/// <summary>
/// The rules of type inference (applied by <see cref="ColumnTyper"/>): a column is numeric when
/// nearly all present values parse as numbers; the few that do not are then malformed rows
/// (quarantined), not a reason to call the whole column text.
/// </summary>
public static class TypeInference
{
    /// <summary>Share of present values that must parse for a column to be numeric.</summary>
    public const double NumericShare = 0.98;

    /// <summary>The type for a column with this many present values, of which so many are integers and reals.</summary>
    public static ColumnType Decide(long present, long integers, long reals) =>
        present == 0 ? ColumnType.Text
        : integers >= NumericShare * present && reals == 0 ? ColumnType.Integer
        : integers + reals >= NumericShare * present ? ColumnType.Real
        : ColumnType.Text;
}

namespace Recur.Core.Data;

/// <summary>The logical type of a column, inferred at ingest or declared in recur.yaml.</summary>
public enum ColumnType
{
    /// <summary>Whole numbers; stored as 64-bit integers in snapshots.</summary>
    Integer,
    /// <summary>Real numbers; stored as 64-bit floats.</summary>
    Real,
    /// <summary>Text, treated as a category by the models.</summary>
    Text,
}

/// <summary>Conversions between <see cref="ColumnType"/> and its names in recur.yaml and JSON.</summary>
public static class ColumnTypeNames
{
    /// <summary>The lower-case name used in files.</summary>
    public static string ToName(this ColumnType type) => type switch
    {
        ColumnType.Integer => "integer",
        ColumnType.Real => "real",
        _ => "text",
    };

    /// <summary>Parses a name written in a file; null when the name is unknown.</summary>
    public static ColumnType? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "integer" or "int" => ColumnType.Integer,
        "real" or "double" or "float" or "number" => ColumnType.Real,
        "text" or "string" or "category" or "categorical" => ColumnType.Text,
        _ => null,
    };

    /// <summary>Whether the type holds numbers.</summary>
    public static bool IsNumeric(this ColumnType type) => type is ColumnType.Integer or ColumnType.Real;
}

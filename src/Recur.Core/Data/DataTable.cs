namespace Recur.Core.Data;

/// <summary>A table held in memory, column by column.</summary>
public sealed class DataTable
{
    /// <summary>Creates a table; all columns must have the same length.</summary>
    public DataTable(IReadOnlyList<DataColumn> columns)
    {
        Columns = columns;
        Schema = new TableSchema(columns.Select(c => c.Spec));
        RowCount = columns.Count == 0 ? 0 : columns[0].Length;
        if (columns.Any(c => c.Length != RowCount))
        {
            throw new ArgumentException("all columns must have the same length", nameof(columns));
        }
    }

    /// <summary>The schema.</summary>
    public TableSchema Schema { get; }

    /// <summary>The columns.</summary>
    public IReadOnlyList<DataColumn> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The column with this name.</summary>
    public DataColumn this[string name] =>
        Schema.IndexOf(name) is var i and >= 0
            ? Columns[i]
            : throw RecurException.Invalid($"no column named '{name}'", name);

    /// <summary>Whether the table has a column with this name.</summary>
    public bool Has(string name) => Schema.IndexOf(name) >= 0;

    /// <summary>A table with only the given rows.</summary>
    public DataTable Take(IReadOnlyList<int> rows) => new(Columns.Select(c => c.Take(rows)).ToArray());

    /// <summary>A table with the rows of both tables; the schemas must match by name and type.</summary>
    public static DataTable Concat(DataTable first, DataTable second)
    {
        var columns = new List<DataColumn>();
        foreach (var column in first.Columns)
        {
            var other = second[column.Name];
            columns.Add((column, other) switch
            {
                (NumericColumn a, NumericColumn b) => new NumericColumn(column.Spec, [.. a.Values, .. b.Values]),
                (TextColumn a, TextColumn b) => new TextColumn(column.Spec, [.. a.Values, .. b.Values]),
                _ => throw RecurException.Invalid($"column '{column.Name}' has different types in the two tables", column.Name),
            });
        }
        return new DataTable(columns);
    }
}

namespace Recur.Core.Data;

/// <summary>One column of a table: its name, type and whether it may hold missing values.</summary>
public sealed record ColumnSpec(string Name, ColumnType Type, bool Nullable = true);

/// <summary>The ordered columns of a table.</summary>
public sealed class TableSchema
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a schema; column names must be unique.</summary>
    public TableSchema(IEnumerable<ColumnSpec> columns)
    {
        Columns = columns.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (!_index.TryAdd(Columns[i].Name, i))
            {
                throw RecurException.Invalid($"column '{Columns[i].Name}' appears twice", Columns[i].Name);
            }
        }
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<ColumnSpec> Columns { get; }

    /// <summary>The position of a column, or -1.</summary>
    public int IndexOf(string name) => _index.GetValueOrDefault(name, -1);

    /// <summary>The column with this name, or null.</summary>
    public ColumnSpec? Find(string name) => _index.TryGetValue(name, out var i) ? Columns[i] : null;
}

using Recur.Core.Lake;

namespace Recur.Lake.Ingest;

/// <summary>
/// A row as read from a source, before typing: where it came from and its values (null = missing).
/// <paramref name="Raw"/> is kept only when cheap; quarantine rebuilds the text from the values otherwise.
/// </summary>
public sealed record RawRow(string Source, long Line, string? Raw, string?[] Values);

/// <summary>
/// What a reader produced: column names, untyped rows and the rows it could not read at all.
/// Typing happens once, over every row of every file, in <see cref="TableBuilder"/>.
/// </summary>
public sealed class RawTable(IReadOnlyList<string> names)
{
    /// <summary>Column names, in order.</summary>
    public List<string> Names { get; } = [.. names];

    /// <summary>The readable rows.</summary>
    public List<RawRow> Rows { get; } = [];

    /// <summary>Rows set aside by the reader, with their reasons.</summary>
    public List<QuarantinedRow> Quarantined { get; } = [];

    /// <summary>Appends another table's rows, aligning columns by name; a column one side lacks is missing there.</summary>
    public void Append(RawTable other)
    {
        foreach (var name in other.Names.Where(n => !Names.Contains(n))) Names.Add(name);
        var width = Names.Count;
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Values.Length < width) Rows[i] = Rows[i] with { Values = [.. Rows[i].Values, .. new string?[width - Rows[i].Values.Length]] };
        }
        var map = other.Names.Select(n => Names.IndexOf(n)).ToArray();
        foreach (var row in other.Rows)
        {
            var values = new string?[width];
            for (var c = 0; c < map.Length; c++) values[map[c]] = row.Values[c];
            Rows.Add(row with { Values = values });
        }
        Quarantined.AddRange(other.Quarantined);
    }
}

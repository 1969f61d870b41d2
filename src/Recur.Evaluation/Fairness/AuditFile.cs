using System.Text;

namespace Recur.Evaluation.Fairness;

/// <summary>
/// Any CSV file as text cells, for auditing predictions made elsewhere: a header row, quoted fields (with
/// doubled quotes and line breaks inside), empty cells as missing, and each record's line number for error
/// messages. Unlike the lake's reader, which refuses a header that names a column twice (a dataset
/// declaration must be unambiguous), it keeps the first copy under its name and the later ones as
/// <c>name#2</c>, <c>name#3</c> with a warning, because an audit reads a file as it was published
/// (ProPublica's COMPAS file repeats <c>decile_score</c> and <c>priors_count</c>).
/// </summary>
public sealed class AuditFile
{
    private readonly Dictionary<string, int> _index;

    private AuditFile(string source, IReadOnlyList<string> columns, List<string?[]> rows, List<int> lines, IReadOnlyList<string> warnings)
    {
        Source = source;
        Columns = columns;
        Rows = rows;
        Lines = lines;
        Warnings = warnings;
        _index = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
    }

    /// <summary>The file as named by the caller, for messages.</summary>
    public string Source { get; }

    /// <summary>The column names, duplicates renamed.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Each data record's cells, null for an empty cell.</summary>
    public IReadOnlyList<string?[]> Rows { get; }

    /// <summary>The line on which each data record starts (the header is line 1).</summary>
    public IReadOnlyList<int> Lines { get; }

    /// <summary>Warnings about the file (renamed duplicate columns).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The position of a column, or an error naming it and listing the file's columns.</summary>
    /// <param name="name">The column.</param>
    /// <param name="option">The option that named it, for the message.</param>
    public int IndexOf(string name, string option) => _index.TryGetValue(name, out var i) ? i
        : throw Core.RecurException.Invalid($"{option}: no column '{name}' in {Source} (columns: {string.Join(", ", Columns)})", option);

    /// <summary>Reads a CSV file; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="Core.RecurException">The file is missing or empty, a quote is not closed, or a record has the wrong number of fields (naming the line).</exception>
    public static AuditFile Read(string path, string source)
    {
        if (!File.Exists(path)) throw Core.RecurException.Invalid($"{source}: file not found", "--data");
        return Parse(File.ReadAllText(path, Encoding.UTF8), source);
    }

    /// <summary>Reads CSV text; <paramref name="source"/> names it in messages.</summary>
    public static AuditFile Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = Internal.CsvRecords.Read(text, source);
        if (records.Count == 0) throw Core.RecurException.Invalid($"{source}: the file is empty (expected a header line)", "--data");
        var (header, _) = records[0];
        var warnings = new List<string>();
        var names = new string[header.Length];
        var seen = new Dictionary<string, List<int>>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = (header[i] ?? "").Trim();
            if (name.Length == 0) throw Core.RecurException.Invalid($"{source}: line 1: column {i + 1} has an empty name", "--data");
            if (!seen.TryGetValue(name, out var at)) seen[name] = at = [];
            at.Add(i + 1);
            names[i] = at.Count == 1 ? name : $"{name}#{at.Count}";
        }
        foreach (var (name, at) in seen.Where(p => p.Value.Count > 1))
        {
            warnings.Add($"{source}: column '{name}' appears {at.Count} times (columns {string.Join(", ", at)}); '{name}' is the first, the others are {string.Join(", ", Enumerable.Range(2, at.Count - 1).Select(k => $"'{name}#{k}'"))}");
        }
        var rows = new List<string?[]>(records.Count - 1);
        var lines = new List<int>(records.Count - 1);
        foreach (var (cells, line) in records.Skip(1))
        {
            if (cells.Length == 1 && cells[0] is null) continue; // a blank line
            if (cells.Length != names.Length)
            {
                throw Core.RecurException.Invalid($"{source}: line {line}: {cells.Length} fields, but the header has {names.Length}", "--data");
            }
            rows.Add(cells);
            lines.Add(line);
        }
        return new AuditFile(source, names, rows, lines, warnings);
    }
}

using System.Text.RegularExpressions;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>A typed batch: the rows kept, their text columns as codes where possible, and the rows set aside (by the reader or by typing).</summary>
internal sealed record TypedBatch(DataTable Table, CodedText?[] Coded, List<QuarantinedRow> Quarantined);

/// <summary>
/// Types field batches, columns in parallel. A row with a value that does not fit its column's type
/// goes to quarantine naming the column, the value and a hint (thousands separators, a decimal comma);
/// nothing is coerced silently. The result does not depend on scheduling.
/// </summary>
internal sealed partial class BatchTyper
{
    private readonly ColumnTyper[] _columns;
    private readonly bool[] _nullable;

    public BatchTyper(IReadOnlyList<string> names, DatasetConfig config, IReadOnlyDictionary<string, ColumnType> declared, string sourceName)
    {
        foreach (var name in config.Types.Keys.Where(k => !names.Contains(k)))
        {
            throw RecurException.Invalid($"types.{name}: no such column in {sourceName}", $"types.{name}");
        }
        _columns = names.Select(n => new ColumnTyper(n, Declared(n, config, declared), config.Recode.GetValueOrDefault(n), config.Missing)).ToArray();
        _nullable = new bool[names.Count];
    }

    /// <summary>The columns' types as rows were typed.</summary>
    public IReadOnlyList<ColumnType> Working => _columns.Select(c => c.Working ?? c.Final).ToArray();

    /// <summary>The columns' types as all rows call for.</summary>
    public IReadOnlyList<ColumnType> Final => _columns.Select(c => c.Final).ToArray();

    /// <summary>The schema of the rows typed so far.</summary>
    public IReadOnlyList<ColumnSpec> Schema => _columns.Select((c, i) => new ColumnSpec(c.Name, c.Working ?? c.Final, _nullable[i])).ToArray();

    /// <summary>Types a batch.</summary>
    public TypedBatch Type(FieldBatch batch)
    {
        var chunks = new ColumnChunk[_columns.Length];
        Parallel.For(0, _columns.Length, c => chunks[c] = _columns[c].Type(batch, c));

        var quarantined = new List<QuarantinedRow>(batch.Quarantined);
        var failing = new bool[batch.Rows];
        var failures = chunks.SelectMany((chunk, c) => chunk.Failures.Select(f => (f.Row, Column: c, f.Value)))
            .OrderBy(f => f.Row).ThenBy(f => f.Column);
        foreach (var (row, c, value) in failures)
        {
            if (failing[row]) continue;
            failing[row] = true;
            var what = _columns[c].Working == ColumnType.Integer ? "an integer" : "a number";
            quarantined.Add(new(batch.Source, batch.Lines[row], $"column '{_columns[c].Name}' (field {c + 1}): '{value}' is not {what}{Hint(value)}", batch.Raw(row)));
        }
        var kept = quarantined.Count == batch.Quarantined.Count ? null : Enumerable.Range(0, batch.Rows).Where(r => !failing[r]).ToArray();
        var columns = new DataColumn[_columns.Length];
        var coded = new CodedText?[_columns.Length];
        Parallel.For(0, _columns.Length, c =>
        {
            columns[c] = Build(c, chunks[c], kept);
            if (chunks[c].Coded is { } codes) coded[c] = kept is null ? codes : codes with { Codes = kept.Select(r => codes.Codes[r]).ToArray() };
        });
        return new TypedBatch(new DataTable(columns), coded, quarantined);
    }

    private DataColumn Build(int c, ColumnChunk chunk, int[]? kept)
    {
        var spec = new ColumnSpec(_columns[c].Name, _columns[c].Working!.Value, false);
        if (chunk.Texts is { } texts)
        {
            if (kept is not null) texts = kept.Select(r => texts[r]).ToArray();
            if (!_nullable[c] && Array.IndexOf(texts, null) >= 0) _nullable[c] = true;
            return new TextColumn(spec, texts);
        }
        var numbers = chunk.Numbers!;
        if (kept is not null) numbers = kept.Select(r => numbers[r]).ToArray();
        if (!_nullable[c])
        {
            foreach (var value in numbers)
            {
                if (double.IsNaN(value)) { _nullable[c] = true; break; }
            }
        }
        return new NumericColumn(spec, numbers);
    }

    private static ColumnType? Declared(string name, DatasetConfig config, IReadOnlyDictionary<string, ColumnType> declared)
    {
        if (declared.TryGetValue(name, out var type)) return type;
        if (!config.Types.TryGetValue(name, out var text)) return null;
        return ColumnTypeNames.Parse(text) ?? throw RecurException.Invalid($"types.{name}: unknown type '{text}' (use integer, real or text)", $"types.{name}");
    }

    private static string Hint(string value) =>
        ThousandsSeparated().IsMatch(value) ? " (it looks like a number with thousands separators; write it without them)"
        : DecimalComma().IsMatch(value) ? " (it looks like a decimal comma; write '.' for decimals)"
        : "";

    [GeneratedRegex(@"^[-+]?\d{1,3}([,.' ]\d{3})+([.,]\d+)?$")]
    private static partial Regex ThousandsSeparated();

    [GeneratedRegex(@"^[-+]?\d+,\d+$")]
    private static partial Regex DecimalComma();
}

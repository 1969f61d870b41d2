using System.Text.RegularExpressions;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// A typed batch: the rows kept, their text columns as codes where possible, and the rows set aside (by
/// the reader or by typing); for a part the cache knows, no rows and what its last ingest gave.
/// </summary>
internal sealed record TypedBatch(DataTable Table, CodedText?[] Coded, List<QuarantinedRow> Quarantined, CachedPart? Cached = null);

/// <summary>What typing one part (file) gave so far: what the part cache keeps of it.</summary>
internal sealed class PartTally(int columns)
{
    public long Rows { get; set; }
    public long[] Present { get; } = new long[columns];
    public long[] Integers { get; } = new long[columns];
    public long[] Reals { get; } = new long[columns];
    public bool[] Nullable { get; } = new bool[columns];
    public List<QuarantinedRow> Quarantined { get; } = [];

    /// <summary>The cache entry, once the part's segment and its columns' types are known.</summary>
    public CachedPart ToCached(string? segment, IReadOnlyList<ColumnType> types, PartLines? lines) =>
        new(segment, Rows, [.. types], Present, Integers, Reals, Nullable, Quarantined, lines);
}

/// <summary>
/// Types field batches, columns in parallel. A row with a value that does not fit its column's type
/// goes to quarantine naming the column, the value and a hint (thousands separators, a decimal comma);
/// nothing is coerced silently. The result does not depend on scheduling.
/// </summary>
internal sealed partial class BatchTyper
{
    private readonly ColumnTyper[] _columns;
    private readonly bool[] _nullable;
    private readonly Dictionary<string, PartTally> _parts = [];
    private readonly List<ColumnType[]> _cachedTypes = [];

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

    /// <summary>What each part read (not taken from the cache) gave, by part name.</summary>
    public IReadOnlyDictionary<string, PartTally> Parts => _parts;

    /// <summary>Whether every part taken from the cache was typed with the given types (else it must be read again).</summary>
    public bool CachedPartsFit(IReadOnlyList<ColumnType> types) => _cachedTypes.All(t => t.SequenceEqual(types));

    /// <summary>Types a batch.</summary>
    public TypedBatch Type(FieldBatch batch)
    {
        if (batch.Cached is { } cached) return Absorb(cached);
        var before = _columns.Select(c => c.Counts).ToArray();
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
        var missing = new bool[_columns.Length];
        Parallel.For(0, _columns.Length, c =>
        {
            (columns[c], missing[c]) = Build(c, chunks[c], kept, out coded[c]);
        });

        if (!_parts.TryGetValue(batch.Source, out var tally)) _parts[batch.Source] = tally = new PartTally(_columns.Length);
        tally.Rows += columns.Length > 0 ? columns[0].Length : 0;
        tally.Quarantined.AddRange(quarantined);
        for (var c = 0; c < _columns.Length; c++)
        {
            var after = _columns[c].Counts;
            tally.Present[c] += after.Present - before[c].Present;
            tally.Integers[c] += after.Integers - before[c].Integers;
            tally.Reals[c] += after.Reals - before[c].Reals;
            tally.Nullable[c] |= missing[c];
            _nullable[c] |= missing[c];
        }
        return new TypedBatch(new DataTable(columns), coded, quarantined);
    }

    // A part from the cache: its types (where none is set yet), counts and missing values count as if
    // its rows had been typed here; it brings no rows.
    private TypedBatch Absorb(CachedPart cached)
    {
        for (var c = 0; c < _columns.Length; c++)
        {
            _columns[c].Absorb(cached.Types[c], cached.Present[c], cached.Integers[c], cached.Reals[c]);
            _nullable[c] |= cached.Nullable[c];
        }
        _cachedTypes.Add(cached.Types);
        var columns = _columns.Select(c => c.Working!.Value.IsNumeric()
            ? (DataColumn)new NumericColumn(new ColumnSpec(c.Name, c.Working.Value), [])
            : new TextColumn(new ColumnSpec(c.Name, c.Working.Value), [])).ToArray();
        return new TypedBatch(new DataTable(columns), new CodedText?[_columns.Length], [.. cached.Quarantined], cached);
    }

    // The column, and whether it has a missing value.
    private (DataColumn Column, bool Missing) Build(int c, ColumnChunk chunk, int[]? kept, out CodedText? coded)
    {
        coded = null;
        var spec = new ColumnSpec(_columns[c].Name, _columns[c].Working!.Value, false);
        if (chunk.Coded is not null)
        {
            var codes = kept is null ? chunk.Coded.Codes : kept.Select(r => chunk.Coded.Codes[r]).ToArray();
            coded = chunk.Coded with { Codes = codes };
            var values = coded.Values;
            // The strings are made only if a consumer asks for them (the snapshot sink reads the codes).
            return (new TextColumn(spec, codes.Length, () => Array.ConvertAll(codes, k => k < 0 ? null : values[k])), Array.IndexOf(codes, -1) >= 0);
        }
        if (chunk.Texts is { } texts)
        {
            if (kept is not null) texts = kept.Select(r => texts[r]).ToArray();
            return (new TextColumn(spec, texts), Array.IndexOf(texts, null) >= 0);
        }
        var numbers = chunk.Numbers!;
        if (kept is not null) numbers = kept.Select(r => numbers[r]).ToArray();
        foreach (var value in numbers)
        {
            if (double.IsNaN(value)) return (new NumericColumn(spec, numbers), true);
        }
        return (new NumericColumn(spec, numbers), false);
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

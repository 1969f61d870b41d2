using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Recur.Lake.Ingest;

/// <summary>Reads a Parquet file's flat columns as untyped rows (numbers in invariant text, so typing is the same as for CSV).</summary>
public static class ParquetSourceReader
{
    /// <summary>Reads every row of the file.</summary>
    public static async Task<RawTable> ReadAsync(string path, string sourceName, CancellationToken ct = default)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct);
        var fields = reader.Schema.GetDataFields();
        var table = new RawTable(fields.Select(f => f.Name).ToList());
        long line = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            var columns = new string?[fields.Length][];
            for (var c = 0; c < fields.Length; c++) columns[c] = await ReadColumnAsync(group, fields[c], rows, ct);
            for (var r = 0; r < rows; r++)
            {
                line++;
                var values = new string?[fields.Length];
                for (var c = 0; c < fields.Length; c++) values[c] = columns[c][r];
                table.Rows.Add(new RawRow(sourceName, line, $"row {line}", values));
            }
        }
        return table;
    }

    private static async Task<string?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string[rows];
            await group.ReadAsync(field, strings, cancellationToken: ct);
            return strings;
        }
        if (type == typeof(long)) return Format(await Read<long>(group, field, rows, ct));
        if (type == typeof(int)) return Format(await Read<int>(group, field, rows, ct));
        if (type == typeof(short)) return Format(await Read<short>(group, field, rows, ct));
        if (type == typeof(double)) return Format(await Read<double>(group, field, rows, ct));
        if (type == typeof(float)) return Format(await Read<float>(group, field, rows, ct));
        if (type == typeof(decimal)) return Format(await Read<decimal>(group, field, rows, ct));
        if (type == typeof(bool)) return (await Read<bool>(group, field, rows, ct)).Select(b => b is { } v ? (v ? "true" : "false") : null).ToArray();
        if (type == typeof(DateTime)) return (await Read<DateTime>(group, field, rows, ct)).Select(d => d?.ToString("O", CultureInfo.InvariantCulture)).ToArray();
        throw Core.RecurException.Invalid($"column '{field.Name}' has Parquet type {type.Name}, which Recur does not ingest yet", field.Name);
    }

    private static async Task<T?[]> Read<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct) where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync<T>(field, values, cancellationToken: ct);
        return values;
    }

    private static string?[] Format<T>(T?[] values) where T : struct, IFormattable =>
        values.Select(v => v is { } x ? x.ToString(typeof(T) == typeof(double) || typeof(T) == typeof(float) ? "R" : null, CultureInfo.InvariantCulture) : null).ToArray();
}

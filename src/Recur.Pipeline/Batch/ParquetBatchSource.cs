using System.Globalization;
using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;
using Recur.Core;
using Recur.Serving.Batch;

namespace Recur.Pipeline.Batch;

/// <summary>
/// A Parquet file read one row group at a time (the smallest piece Parquet reads a column in), only the
/// columns asked for, cut into chunks; rows are numbered from 1 through the file. Numbers stay numbers,
/// booleans booleans, times become ISO 8601 text.
/// </summary>
public sealed class ParquetBatchSource(string path, string description) : IBatchSource
{
    /// <inheritdoc />
    public string Description { get; } = description;

    /// <inheritdoc />
    public async IAsyncEnumerable<RawChunk> ReadAsync(IReadOnlyList<string> columns, int chunkRows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await OpenAsync(stream, ct);
        var fields = reader.Schema.GetDataFields();
        var picked = columns.Select(c => fields.FirstOrDefault(f => f.Name == c)
            ?? throw RecurException.Invalid($"{Description}: no column '{c}' (the model needs it, or it is the key column)", c)).ToArray();
        var sequence = 0;
        long index = 0;
        var rows = new List<RawRow>(chunkRows);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var values = new object?[picked.Length][];
            for (var c = 0; c < picked.Length; c++) values[c] = await ReadAsync(group, picked[c], count, ct);
            for (var r = 0; r < count; r++)
            {
                var row = new object?[picked.Length];
                for (var c = 0; c < picked.Length; c++) row[c] = values[c][r];
                rows.Add(new RawRow(++index, row));
                if (rows.Count == chunkRows)
                {
                    yield return new RawChunk(sequence++, rows);
                    rows = new List<RawRow>(chunkRows);
                }
            }
        }
        if (rows.Count > 0) yield return new RawChunk(sequence, rows);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<ParquetReader> OpenAsync(Stream stream, CancellationToken ct)
    {
        try
        {
            return await ParquetReader.CreateAsync(stream, cancellationToken: ct);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw RecurException.Invalid($"{Description}: not a readable Parquet file ({e.Message.Split('\n')[0]})", "input");
        }
    }

    private async Task<object?[]> ReadAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var texts = new string[rows];
            await group.ReadAsync(field, texts, cancellationToken: ct);
            return texts.Cast<object?>().ToArray();
        }
        if (type == typeof(double)) return await Boxed<double>(group, field, rows, v => v, ct);
        if (type == typeof(float)) return await Boxed<float>(group, field, rows, v => (double)v, ct);
        if (type == typeof(long)) return await Boxed<long>(group, field, rows, v => v, ct);
        if (type == typeof(int)) return await Boxed<int>(group, field, rows, v => (long)v, ct);
        if (type == typeof(short)) return await Boxed<short>(group, field, rows, v => (long)v, ct);
        if (type == typeof(decimal)) return await Boxed<decimal>(group, field, rows, v => (double)v, ct);
        if (type == typeof(bool)) return await Boxed<bool>(group, field, rows, v => v, ct);
        if (type == typeof(DateTime)) return await Boxed<DateTime>(group, field, rows, v => v.ToString("O", CultureInfo.InvariantCulture), ct);
        throw RecurException.Invalid($"{Description}: column '{field.Name}' has Parquet type {type.Name}, which batch scoring does not read", field.Name);
    }

    private static async Task<object?[]> Boxed<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, object> box, CancellationToken ct) where T : struct
    {
        if (field.IsNullable)
        {
            var optional = new T?[rows];
            await group.ReadAsync<T>(field, optional, cancellationToken: ct);
            return optional.Select(v => v is { } x ? box(x) : null).ToArray();
        }
        var required = new T[rows];
        await group.ReadAsync<T>(field, required, cancellationToken: ct);
        return required.Select(v => (object?)box(v)).ToArray();
    }
}

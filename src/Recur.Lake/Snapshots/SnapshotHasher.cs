using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Recur.Core.Data;
using Recur.Lake.Ingest;

namespace Recur.Lake.Snapshots;

/// <summary>
/// The content address of a table: SHA-256 over its schema and one SHA-256 per column of the values in
/// a canonical binary form (numbers as IEEE-754 bits, text as length-prefixed UTF-8, missing as a
/// marker), independent of the file format. Rows can be fed batch by batch (the id is the same as for
/// the whole table at once); columns hash in parallel and the id does not depend on it.
/// </summary>
public sealed class SnapshotHasher : IDisposable
{
    private readonly IncrementalHash[] _columns;

    /// <summary>Starts hashing a table with this many columns.</summary>
    public SnapshotHasher(int columns) =>
        _columns = Enumerable.Range(0, columns).Select(_ => IncrementalHash.CreateHash(HashAlgorithmName.SHA256)).ToArray();

    /// <summary>The lower-case hex SHA-256 of the table.</summary>
    public static string Hash(DataTable table)
    {
        using var hasher = new SnapshotHasher(table.Columns.Count);
        hasher.Append(table);
        return hasher.Finish(table.Schema.Columns);
    }

    /// <summary>Adds the next rows.</summary>
    public void Append(DataTable batch) => Append(batch, null);

    /// <summary>Adds the next rows; text columns given as codes copy each value's bytes instead of encoding it again.</summary>
    internal void Append(DataTable batch, CodedText?[]? coded) => Parallel.For(0, _columns.Length, c =>
    {
        if (coded?[c] is { } codes) AppendCoded(_columns[c], codes, batch.RowCount);
        else AppendColumn(_columns[c], batch.Columns[c]);
    });

    /// <summary>The id of all rows appended, under the given schema (names and types).</summary>
    public string Finish(IReadOnlyList<ColumnSpec> schema)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var c = 0; c < schema.Count; c++)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{schema[c].Name}:{schema[c].Type.ToName()}\n"));
            sha.AppendData(_columns[c].GetHashAndReset());
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var column in _columns) column.Dispose();
    }

    // The same bytes as AppendColumn writes for the strings the codes stand for.
    private static void AppendCoded(IncrementalHash sha, CodedText coded, int rows)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var used = 0;
        try
        {
            for (var r = 0; r < rows; r++)
            {
                var code = coded.Codes[r];
                var bytes = code < 0 ? [] : coded.Utf8[code];
                if (used + 5 + bytes.Length > buffer.Length) { sha.AppendData(buffer, 0, used); used = 0; }
                buffer[used] = code < 0 ? (byte)0 : (byte)1;
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(used + 1), bytes.Length);
                bytes.AsSpan().CopyTo(buffer.AsSpan(used + 5));
                used += 5 + bytes.Length;
            }
            sha.AppendData(buffer, 0, used);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void AppendColumn(IncrementalHash sha, DataColumn column)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var used = 0;
        try
        {
            switch (column)
            {
                case NumericColumn numbers:
                    foreach (var value in numbers.Values)
                    {
                        if (used + 9 > buffer.Length) { sha.AppendData(buffer, 0, used); used = 0; }
                        // One canonical NaN for "missing", whatever bits produced it.
                        buffer[used++] = double.IsNaN(value) ? (byte)0 : (byte)1;
                        BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(used), double.IsNaN(value) ? 0 : BitConverter.DoubleToInt64Bits(value));
                        used += 8;
                    }
                    break;
                case TextColumn texts:
                    foreach (var value in texts.Values)
                    {
                        var max = value is null ? 5 : 5 + Encoding.UTF8.GetMaxByteCount(value.Length);
                        if (used + max > buffer.Length)
                        {
                            sha.AppendData(buffer, 0, used);
                            used = 0;
                            if (max > buffer.Length) { ArrayPool<byte>.Shared.Return(buffer); buffer = ArrayPool<byte>.Shared.Rent(max); }
                        }
                        buffer[used] = value is null ? (byte)0 : (byte)1;
                        var length = value is null ? 0 : Encoding.UTF8.GetBytes(value, buffer.AsSpan(used + 5));
                        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(used + 1), length);
                        used += 5 + length;
                    }
                    break;
            }
            sha.AppendData(buffer, 0, used);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

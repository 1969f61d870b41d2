using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Recur.Core.Data;

namespace Recur.Lake.Snapshots;

/// <summary>
/// The content address of a table: SHA-256 over its schema and one SHA-256 per column of the values in
/// a canonical binary form (numbers as IEEE-754 bits, text as length-prefixed UTF-8, missing as a
/// marker), independent of the file format. Columns hash in parallel; the id does not depend on it.
/// </summary>
public static class SnapshotHasher
{
    /// <summary>The lower-case hex SHA-256 of the table.</summary>
    public static string Hash(DataTable table)
    {
        var columnHashes = new byte[table.Columns.Count][];
        Parallel.For(0, table.Columns.Count, c => columnHashes[c] = HashColumn(table.Columns[c]));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            sha.AppendData(Encoding.UTF8.GetBytes($"{column.Name}:{column.Spec.Type.ToName()}\n"));
            sha.AppendData(columnHashes[c]);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static byte[] HashColumn(DataColumn column)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
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
        return sha.GetHashAndReset();
    }
}

using System.Security.Cryptography;
using System.Text;
using Recur.Core.Data;

namespace Recur.Lake.Snapshots;

/// <summary>
/// The content address of a table: SHA-256 over its schema and every value in a canonical text form,
/// independent of the file format, so the same data always gets the same id.
/// </summary>
public static class SnapshotHasher
{
    /// <summary>The lower-case hex SHA-256 of the table.</summary>
    public static string Hash(DataTable table)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new StringBuilder();
        foreach (var column in table.Columns)
        {
            buffer.Append(column.Name).Append(':').Append(column.Spec.Type.ToName()).Append('\n');
        }
        Flush(sha, buffer);
        for (var row = 0; row < table.RowCount; row++)
        {
            foreach (var column in table.Columns)
            {
                // \u001f separates values and \u001e marks a missing one, so "" and missing differ.
                buffer.Append(column.Format(row) ?? "\u001e").Append('\u001f');
            }
            buffer.Append('\n');
            if (buffer.Length > 1 << 16) Flush(sha, buffer);
        }
        Flush(sha, buffer);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void Flush(IncrementalHash sha, StringBuilder buffer)
    {
        foreach (var chunk in buffer.GetChunks()) sha.AppendData(Encoding.UTF8.GetBytes(chunk.ToArray()));
        buffer.Clear();
    }
}

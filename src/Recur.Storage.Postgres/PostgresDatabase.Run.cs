using Npgsql;
using Recur.Core;

namespace Recur.Storage.Postgres;

/// <summary>Running a store's work on a pooled connection, with a lost server reported as Unavailable.</summary>
public sealed partial class PostgresDatabase
{
    /// <summary>
    /// Runs <paramref name="work"/> on a pooled connection. A server that goes away meanwhile (restarted, shut
    /// down, the connection cut) is <see cref="FailureKind.Unavailable"/> naming host:port/db, and the pool is
    /// cleared so the next call opens fresh connections instead of finding dead ones.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(ct);
        try
        {
            return await work(connection);
        }
        catch (Exception e) when (IsLost(e))
        {
            DataSource.Clear();
            throw Unavailable(e);
        }
    }

    /// <summary><see cref="RunAsync{T}"/> for work without a result.</summary>
    public Task RunAsync(Func<NpgsqlConnection, Task> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(async c => { await work(c); return true; }, ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, committed when it returns. <paramref name="lockKey"/>, when
    /// given, is taken as a transaction-scoped advisory lock first, so writers of the same thing (one model's
    /// versions, the log's sequence) queue instead of racing.
    /// </summary>
    public Task<T> InTransactionAsync<T>(string? lockKey, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(async connection =>
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (lockKey is not null)
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", connection, tx);
                command.Parameters.AddWithValue("key", lockKey);
                await command.ExecuteNonQueryAsync(ct);
            }
            var result = await work(connection, tx);
            await tx.CommitAsync(ct);
            return result;
        }, ct);
    }

    // Connection failures, a server shutting down or refusing connections (class 08, 57P0x), too many clients (53300).
    private static bool IsLost(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03" or "53300",
        NpgsqlException => true,
        TimeoutException => true,
        System.IO.IOException => true,
        _ => false,
    };
}

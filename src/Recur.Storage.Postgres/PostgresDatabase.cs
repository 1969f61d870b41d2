using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Recur.Core;

namespace Recur.Storage.Postgres;

/// <summary>
/// A project's PostgreSQL database: one pooled <see cref="NpgsqlDataSource"/> shared by every store. The first
/// connection applies the schema steps the database lacks (<see cref="PostgresSchema"/>), under an advisory
/// lock so replicas starting together do not race; a failure is remembered only until the next attempt, so a
/// database that was down at start-up is picked up when it returns.
/// </summary>
public sealed partial class PostgresDatabase : IAsyncDisposable
{
    private const long SchemaLockId = 0x5265637572; // "Recur"
    private readonly IReadOnlyList<PostgresMigration> _steps;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _ready;

    /// <summary>Connects lazily to <paramref name="connectionString"/> (Npgsql keywords); nothing is opened here.</summary>
    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase>? logger = null, IReadOnlyList<PostgresMigration>? steps = null)
    {
        _log = (ILogger?)logger ?? NullLogger.Instance;
        _steps = steps ?? PostgresSchema.All;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Server = $"{builder.Host}:{builder.Port}/{builder.Database}";
        DataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>host:port/database, for messages (never the password).</summary>
    public string Server { get; }

    /// <summary>The pooled data source.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Opens a pooled connection, applying the schema first if this process has not yet.</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct = default)
    {
        if (!_ready) await EnsureSchemaAsync(ct);
        try
        {
            return await DataSource.OpenConnectionAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Unavailable(e);
        }
    }

    /// <summary>Synchronous <see cref="OpenAsync"/>, for the few synchronous store members.</summary>
    public NpgsqlConnection Open() => OpenAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Applies the steps the database lacks; refuses a database with steps this build does not know.</summary>
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        if (_ready) return;
        await _schemaGate.WaitAsync(ct);
        try
        {
            if (_ready) return;
            await using var connection = await OpenRawAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@id)", new { id = SchemaLockId }, tx);
            await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS recur_schema (module TEXT NOT NULL, version INT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (module, version))", transaction: tx);
            var applied = (await connection.QueryAsync<(string Module, int Version)>("SELECT module, version FROM recur_schema", transaction: tx)).ToHashSet();
            var known = _steps.Select(s => (s.Module, s.Version)).ToHashSet();
            var unknown = applied.Where(a => !known.Contains(a)).OrderBy(a => a.Module, StringComparer.Ordinal).ThenBy(a => a.Version).ToList();
            if (unknown.Count > 0)
            {
                var (module, version) = unknown[0];
                throw RecurException.Unavailable(
                    $"storage: the database {Server} has schema step {module} {version}, which this build of recur does not know: a newer recur upgraded it; upgrade this replica");
            }
            var count = 0;
            foreach (var step in _steps.Where(s => !applied.Contains((s.Module, s.Version))).OrderBy(s => s.Module, StringComparer.Ordinal).ThenBy(s => s.Version))
            {
                await connection.ExecuteAsync(step.Sql, transaction: tx);
                await connection.ExecuteAsync("INSERT INTO recur_schema (module, version) VALUES (@Module, @Version)", step, tx);
                count++;
            }
            await tx.CommitAsync(ct);
            _ready = true;
            _log.SchemaReady(Server, count);
        }
        catch (RecurException e)
        {
            _log.SchemaFailed(Server, e);
            throw;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            _log.SchemaFailed(Server, e);
            throw Unavailable(e);
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>True when the database answers a trivial query now (for readiness checks).</summary>
    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            await using var connection = await OpenAsync(ct);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct));
            return true;
        }
        catch (Exception e) when (e is RecurException or NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private async Task<NpgsqlConnection> OpenRawAsync(CancellationToken ct) => await DataSource.OpenConnectionAsync(ct);

    private RecurException Unavailable(Exception e) =>
        new(FailureKind.Unavailable, $"storage: PostgreSQL at {Server} does not answer: {e.Message}") { RetryAfterSeconds = 1 };
}

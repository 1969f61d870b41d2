using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Recur.Storage.Sqlite;

/// <summary>
/// The project's SQLite database in WAL mode. Opening it creates or upgrades the tables; every store
/// opens short-lived pooled connections from it.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Task _ready;
    private readonly ILogger _log;

    /// <summary>Opens (creating if needed) the database file; schema failures are logged through <paramref name="logger"/> too.</summary>
    public SqliteDatabase(string path, ILogger<SqliteDatabase>? logger = null)
    {
        var log = _log = (ILogger?)logger ?? NullLogger.Instance;
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        // The schema is checked on a worker thread: a command reads its settings and its input meanwhile
        // (about 25 ms at start-up); the first connection waits for it, and sees its error if it failed.
        _ready = Task.Run(() =>
        {
            try
            {
                using var connection = Connect();
                connection.Execute("PRAGMA journal_mode=WAL;");
                connection.Execute(Schema.Ddl);
                SchemaUpgrades.Apply(connection);
                log.DatabaseOpened(Path);
            }
            catch (Exception e)
            {
                log.SchemaFailed(Path, e);
                throw;
            }
        });
    }

    /// <summary>The database file, absolute.</summary>
    public string Path { get; }

    /// <summary>Opens a connection with the project's pragmas applied.</summary>
    public SqliteConnection Open()
    {
        _ready.GetAwaiter().GetResult();
        try
        {
            return Connect();
        }
        catch (SqliteException e)
        {
            _log.OpenFailed(Path, e);
            throw;
        }
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // NORMAL is durable in WAL mode except for the last transactions on power loss, never corrupt.
        connection.Execute("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");
        return connection;
    }
}

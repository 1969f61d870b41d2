using Dapper;
using Npgsql;

namespace Recur.Tests.Storage.Postgres;

/// <summary>
/// The real PostgreSQL the tests talk to: <c>RECUR_TEST_POSTGRES</c> holds an Npgsql connection string to a
/// server where the user may create schemas (<c>.ci/run</c> starts PostgreSQL 15 and sets it). Each store under
/// test gets a fresh schema of its own (cheaper than a database), so tests run in parallel without seeing
/// each other's rows. Without the variable the tests fail, saying how to provide one: they are never skipped.
/// </summary>
public static class PostgresTestServer
{
    /// <summary>The variable naming the server.</summary>
    public const string Variable = "RECUR_TEST_POSTGRES";

    /// <summary>The server's connection string; fails the test with instructions when it is not set.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with `bash .ci/run` (it starts PostgreSQL 15), or set it to a server, e.g. Host=127.0.0.1;Port=5432;Username=recur;Database=recur_test");

    /// <summary>Creates an empty schema and returns a connection string whose search path is that schema.</summary>
    public static string NewSchema()
    {
        var name = $"t_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            connection.Execute($"CREATE SCHEMA {name}");
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = name }.ConnectionString;
    }
}

using Dapper;
using Recur.Core;
using Recur.Storage.Postgres;

namespace Recur.Tests.Storage.Postgres;

public sealed class PostgresDatabaseTests
{
    [Fact]
    public async Task Applies_every_step_once_and_records_it()
    {
        var cs = PostgresTestServer.NewSchema();
        var steps = PostgresSchema.Steps("demo", "CREATE TABLE demo_a (id INT)", "ALTER TABLE demo_a ADD COLUMN name TEXT").ToList();
        await using (var db = new PostgresDatabase(cs, steps: steps))
        {
            await using var c = await db.OpenAsync();
            await c.ExecuteAsync("INSERT INTO demo_a (id, name) VALUES (1, 'x')");
        }
        await using (var again = new PostgresDatabase(cs, steps: steps))
        {
            await using var c = await again.OpenAsync();
            Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM recur_schema WHERE module = 'demo'"));
            Assert.Equal("x", await c.ExecuteScalarAsync<string>("SELECT name FROM demo_a"));
        }
    }

    [Fact]
    public async Task A_replica_older_than_the_schema_is_refused_by_name()
    {
        var cs = PostgresTestServer.NewSchema();
        var newer = PostgresSchema.Steps("demo", "CREATE TABLE demo_b (id INT)", "ALTER TABLE demo_b ADD COLUMN v INT").ToList();
        await using (var db = new PostgresDatabase(cs, steps: newer)) await db.EnsureSchemaAsync();
        await using var older = new PostgresDatabase(cs, steps: newer.Take(1).ToList());
        var e = await Assert.ThrowsAsync<RecurException>(() => older.OpenAsync().AsTask());
        Assert.Equal(FailureKind.Unavailable, e.Kind);
        Assert.Contains("demo 2", e.Message);
        Assert.Contains("upgrade this replica", e.Message);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_unavailable_and_ping_says_false()
    {
        await using var db = new PostgresDatabase("Host=127.0.0.1;Port=1;Database=nothing;Username=x;Timeout=2");
        var e = await Assert.ThrowsAsync<RecurException>(() => db.OpenAsync().AsTask());
        Assert.Equal(FailureKind.Unavailable, e.Kind);
        Assert.Contains("127.0.0.1:1/nothing", e.Message);
        Assert.False(await db.PingAsync());
    }

    [Theory]
    [InlineData("//ann:s3cret@db.example:6543/recur?sslmode=require", "db.example", 6543, "recur", "ann")]
    [InlineData("//db/recur", "db", 5432, "recur", null)]
    [InlineData("Host=db;Database=recur;Username=bob", "db", 5432, "recur", "bob")]
    public void Reads_urls_and_keywords(string location, string host, int port, string database, string? user)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString.FromLocation(location, "storage"));
        Assert.Equal((host, port, database, user), (b.Host, b.Port, b.Database, b.Username));
    }

    [Theory]
    [InlineData("", "give postgres a server")]
    [InlineData("//db", "names no database")]
    [InlineData("Database=x", "names no host")]
    public void Bad_locations_name_the_setting(string location, string expected)
    {
        var e = Assert.Throws<RecurException>(() => PostgresConnectionString.FromLocation(location, "--store"));
        Assert.StartsWith("--store", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Passwords_never_reach_messages() =>
        Assert.Equal("//ann:***@db/recur", PostgresConnectionString.Redacted("//ann:s3cret@db/recur"));
}

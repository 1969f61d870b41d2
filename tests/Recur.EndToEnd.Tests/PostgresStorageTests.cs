using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// The PostgreSQL backend as a user drives it: <c>--store postgres:…</c> and <c>storage:</c> in recur.yaml, every store in
/// PostgreSQL (and no <c>.recur/recur.db</c>), bad locations, a database down at start-up or newer than the build, and a
/// database restarted under load. Uses the server in <c>RECUR_TEST_POSTGRES</c> (a schema per test); restarts use a
/// private cluster.
/// </summary>
public sealed class PostgresStorageTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Root => _dir.Path("adult");

    public void Dispose() => _dir.Dispose();

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Predict(string key) => $$"""{"instances":[{"key":"{{key}}","features":{{AdultRequest.Features}}}]}""";

    /// <summary>A fresh schema on the shared test server, as Npgsql keywords.</summary>
    private static string NewSchema(string? server = null)
    {
        server ??= Environment.GetEnvironmentVariable("RECUR_TEST_POSTGRES") is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException("RECUR_TEST_POSTGRES is not set: run the tests with `bash .ci/run`, or set it to a PostgreSQL server");
        var name = $"e2e_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            connection.Execute($"CREATE SCHEMA {name}");
        }
        return new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ConnectionString;
    }

    private async Task InitAsync()
    {
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv"), Path.Combine(Root, "data", "train.csv"));
        await CliRunner.OkAsync(_dir.Root, "init", "--project", Root, "--source", Path.Combine(Root, "data", "train.csv"), "--label", "income", "--key", "id", "--name", "adult");
    }

    private void UseStorage(string connectionString) =>
        File.AppendAllText(Path.Combine(Root, "recur.yaml"), $"\nstorage: \"postgres:{connectionString}\"\n");

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task Loop_StoreOptionThenStorageKey_EveryStepReadsAndWritesPostgres()
    {
        var db = NewSchema();
        await InitAsync();

        await CliRunner.OkAsync(Root, "ingest", "train", "--store", "postgres:" + db, "--project", Root);
        await CliRunner.OkAsync(Root, "train", "--json", "--store", "postgres:" + db, "--project", Root);
        UseStorage(db);
        var models = (await CliRunner.OkAsync(Root, "models", "list", "--json", "--project", Root)).Json;
        await using (var server = await ServerProcess.StartAsync(Root))
        {
            using var http = server.Client();
            using var predicted = await http.PostAsync("/v1/models/adult:predict", Body(Predict("pg-1")));
            Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
            using var labelled = await http.PostAsync("/v1/feedback", Body("""{"feedback":[{"key":"pg-1","label":">50K"}]}"""));
            Assert.Equal(HttpStatusCode.OK, labelled.StatusCode);
            Assert.True(await EventuallyAsync(async () => await CountAsync(db, "SELECT count(*) FROM predictions WHERE key = 'pg-1'") == 1), "the prediction never reached PostgreSQL: " + server.Stderr);
        }
        var monitor = await CliRunner.RunAsync(Root, "monitor", "--json", "--project", Root);

        Assert.Contains("adult", models.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(db, "SELECT count(*) FROM snapshots"));
        Assert.Equal(1, await CountAsync(db, "SELECT count(*) FROM model_versions WHERE model = 'adult'"));
        Assert.Equal(1, await CountAsync(db, "SELECT count(*) FROM aliases WHERE model = 'adult' AND alias = 'champion'"));
        Assert.True(await CountAsync(db, "SELECT count(*) FROM runs") >= 1);
        Assert.Equal(1, await CountAsync(db, "SELECT count(*) FROM feedback_events WHERE key = 'pg-1' AND label = '>50K'"));
        Assert.True(monitor.ExitCode == 0, "monitor: " + monitor.Stderr);
        Assert.False(File.Exists(Path.Combine(Root, ".recur", "recur.db")), ".recur/recur.db was created although the store is PostgreSQL");
    }

    [Fact]
    public async Task Storage_BadPostgresLocation_NamesTheKeyAndLineAndNeverThePassword()
    {
        await InitAsync();
        var yaml = Path.Combine(Root, "recur.yaml");
        var good = File.ReadAllText(yaml);
        File.AppendAllText(yaml, "\nstorage: \"postgres://ann:s3cret@db.example:5432\"\n");

        var result = await CliRunner.RunAsync(Root, "data", "list", "--project", Root);
        File.WriteAllText(yaml, good);
        var down = await CliRunner.RunAsync(Root, "data", "list", "--store", "postgres://ann:s3cret@127.0.0.1:1/recur?Timeout=3", "--project", Root);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"recur\.yaml: line \d+, column \d+: storage: .*names no database", line);
        Assert.Equal(1, down.ExitCode);
        Assert.Contains("127.0.0.1:1/recur", down.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.Stderr + down.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_DatabaseDownAtStart_FailsFastWithOneLineNamingTheServer()
    {
        await InitAsync();
        var started = DateTime.UtcNow;

        var result = await CliRunner.RunAsync(Root, "serve", "--port", "0", "--store", "postgres:Host=127.0.0.1;Port=1;Database=recur;Username=recur;Timeout=3", "--project", Root);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("PostgreSQL at 127.0.0.1:1/recur does not answer", line, StringComparison.Ordinal);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Cli_DatabaseUpgradedByANewerRecur_RefusesWithOneLine()
    {
        var db = NewSchema();
        await InitAsync();
        await CliRunner.OkAsync(Root, "data", "list", "--store", "postgres:" + db, "--project", Root);
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.ExecuteAsync("INSERT INTO recur_schema (module, version) VALUES ('registry', 99)");
        }

        var result = await CliRunner.RunAsync(Root, "models", "list", "--store", "postgres:" + db, "--project", Root);
        // A server that would listen while its store does not answer does not wait for a newer schema either.
        File.AppendAllText(Path.Combine(Root, "recur.yaml"), "serving:\n  store_down_at_start: listen\n");
        var serve = await CliRunner.RunAsync(Root, "serve", "--port", "0", "--store", "postgres:" + db, "--project", Root);

        foreach (var refused in new[] { result, serve })
        {
            Assert.Equal(1, refused.ExitCode);
            var line = Assert.Single(refused.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.Contains("has schema step registry 99, which this build of recur does not know", line, StringComparison.Ordinal);
            Assert.Contains("upgrade this replica", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Serve_PostgresRestartedUnderLoad_No500sAndRecovers()
    {
        await using var cluster = await PrivatePostgres.StartAsync();
        await InitAsync();
        UseStorage(cluster.ConnectionString);
        await CliRunner.OkAsync(Root, "ingest", "train", "--project", Root);
        await CliRunner.OkAsync(Root, "train", "--project", Root);
        await using var server = await ServerProcess.StartAsync(Root);
        using var http = server.Client();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(DateTime At, int Status, string? RetryAfter)>();
        using var stop = new CancellationTokenSource();
        var next = 0;

        var clients = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await http.PostAsync("/v1/models/adult:predict", Body(Predict($"load-{Interlocked.Increment(ref next)}")));
                statuses.Add((DateTime.UtcNow, (int)response.StatusCode, response.Headers.RetryAfter?.ToString()));
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await cluster.RestartAsync();
        var back = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(5));
        using var after = await http.PostAsync("/v1/models/adult:predict", Body(Predict("after-restart")));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var codes = statuses.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count());
        var report = string.Join(", ", codes.Select(c => $"{c.Key}: {c.Value}"));
        Assert.All(statuses, s => Assert.True(s.Status is 200 or 503, $"status {s.Status} under a restart ({report}); server: {server.Stderr}"));
        Assert.All(statuses.Where(s => s.Status == 503), s => Assert.NotNull(s.RetryAfter));
        Assert.Contains(statuses, s => s.Status == 200 && s.At > back.AddSeconds(3));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.True(await EventuallyAsync(async () => await CountAsync(cluster.ConnectionString, "SELECT count(*) FROM predictions WHERE key = 'after-restart'") == 1),
            $"the log did not recover after the restart ({report}): {server.Stderr}");
    }

    [Fact]
    public async Task Serve_DatabaseStillStartingWithStoreWait_TriesAgainThenServes()
    {
        await using var cluster = await PrivatePostgres.StartAsync();
        await TrainThenStopAsync(cluster, "serving:\n  store_wait_seconds: 90\n");

        var starting = ServerProcess.StartAsync(Root);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(starting.IsCompleted, "recur serve started while its database was down");
        await cluster.StartAgainAsync();
        await using var server = await starting;
        using var http = server.Client();

        Assert.Contains("serving.store_wait_seconds", server.Stderr, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{cluster.Port}", server.Stderr, StringComparison.Ordinal);
        using var predicted = await http.PostAsync("/v1/models/adult:predict", Body(Predict("late-db")));
        Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Serve_DatabaseDownAtStartWithListen_ListensNotReadyThenServesWhenItAnswers()
    {
        await using var cluster = await PrivatePostgres.StartAsync();
        await TrainThenStopAsync(cluster, "serving:\n  store_down_at_start: listen\n  access_log: true\n");

        await using var server = await ServerProcess.StartAsync(Root);
        using var http = server.Client();
        using (var ready = await http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var body = await ready.Content.ReadAsStringAsync();
            Assert.Contains("\"store\"", body, StringComparison.Ordinal);
            Assert.Contains($"127.0.0.1:{cluster.Port}", body, StringComparison.Ordinal);
        }
        using (var refused = await http.PostAsync("/v1/models/adult:predict", Body(Predict("too-early"))))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("not ready yet", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var health = await http.GetAsync("/healthz")) Assert.NotEqual(HttpStatusCode.InternalServerError, health.StatusCode);
        using (var live = await http.GetAsync("/livez")) Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using (var metrics = await http.GetAsync("/metrics")) Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.True(await EventuallyAsync(() => Task.FromResult(server.Stderr.Contains("serving.store_down_at_start: listen", StringComparison.Ordinal))),
            $"no warning on stderr: {server.Stderr}");

        await cluster.StartAgainAsync();
        Assert.True(await EventuallyAsync(async () =>
        {
            using var ready = await http.GetAsync("/readyz");
            return ready.StatusCode == HttpStatusCode.OK;
        }, tries: 240), $"not ready after the database came back: {server.Stderr}");
        using var predicted = await http.PostAsync("/v1/models/adult:predict", Body(Predict("late-db")));
        Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
        Assert.True(await EventuallyAsync(() => Task.FromResult(server.Stderr.Contains("the store answers: ready after", StringComparison.Ordinal))),
            $"no 'ready' line on stderr: {server.Stderr}");
        Assert.True(await EventuallyAsync(async () => await CountAsync(cluster.ConnectionString, "SELECT count(*) FROM predictions WHERE key = 'late-db'") == 1),
            $"the prediction answered once ready is not in the store: {server.Stderr}");
        Assert.DoesNotContain(" 500 ", server.Stderr, StringComparison.Ordinal);
    }

    // The Adult project on the private cluster (2 s connect timeout) with these serving settings, trained; then the cluster stops.
    private async Task TrainThenStopAsync(PrivatePostgres cluster, string serving)
    {
        await InitAsync();
        UseStorage(cluster.ConnectionString.Replace("Timeout=30", "Timeout=2", StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(Root, "recur.yaml"), serving);
        await CliRunner.OkAsync(Root, "ingest", "train", "--project", Root);
        await CliRunner.OkAsync(Root, "train", "--project", Root);
        await cluster.StopAsync();
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int tries = 60)
    {
        for (var i = 0; i < tries; i++)
        {
            try
            {
                if (await condition()) return true;
            }
            catch (NpgsqlException)
            {
                // not there yet
            }
            await Task.Delay(250);
        }
        return false;
    }
}

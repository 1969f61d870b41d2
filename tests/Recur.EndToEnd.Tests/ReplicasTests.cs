using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Two <c>recur serve</c> replicas on one store and one project folder (examples/german-credit), different ports: an
/// alias moved through one is answered by the other within a second, and the loop ticks in exactly one of them (the
/// lease), until that one is killed and the other takes over after the lease runs out. Parameterised by store: SQLite
/// (one file, two processes) and PostgreSQL (a fresh schema on <c>RECUR_TEST_POSTGRES</c>).
/// </summary>
public sealed class ReplicasTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TwoReplicas_AliasMovedOnOne_TheOtherAnswersWithTheNewVersionWithinASecond(string store)
    {
        using var dir = new TempDir();
        var (root, args) = await ProjectAsync(dir, store, loop: "");
        // A second version: another seed, gated loosely so it registers.
        File.WriteAllText(Path.Combine(root, "recur.yaml"), File.ReadAllText(Path.Combine(root, "recur.yaml")).Replace("seed: 42", "seed: 7", StringComparison.Ordinal));
        await CliRunner.OkAsync(dir.Root, ["train", "--project", root, .. args]);
        await CliRunner.OkAsync(dir.Root, ["models", "alias", "blue", "1", "--project", root, .. args]);

        await using var a = await ServerProcess.StartAsync(root, args);
        await using var b = await ServerProcess.StartAsync(root, args);
        using var httpA = a.Client();
        using var httpB = b.Client();
        Assert.Equal(1, await VersionAsync(httpA, "blue"));
        Assert.Equal(1, await VersionAsync(httpB, "blue"));
        // Version 2 is the champion: loaded in both replicas, so what is measured is the alias re-resolution, not a model load
        // (an alias moved to a version not loaded yet is answered by the previous version until the new one is loaded).
        Assert.Equal(2, await VersionAsync(httpA, "champion"));
        Assert.Equal(2, await VersionAsync(httpB, "champion"));

        using var moved = await httpA.PostAsJsonAsync("/v1/models/german-credit/aliases/blue", new { version = 2, reason = "replica test" });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        var clock = Stopwatch.StartNew();
        while (await VersionAsync(httpB, "blue") != 2 && clock.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(20);
        var seen = clock.Elapsed;

        Assert.Equal(2, await VersionAsync(httpB, "blue"));
        Assert.True(seen < TimeSpan.FromSeconds(1), $"replica B answered with the moved alias after {seen.TotalMilliseconds:0} ms");
        Assert.Equal(2, await VersionAsync(httpA, "blue"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TwoReplicas_LoopEnabledInBoth_OnlyTheLeaseHolderTicksAndTheOtherTakesOverWhenItIsKilled(string store)
    {
        using var dir = new TempDir();
        var (root, args) = await ProjectAsync(dir, store, loop: """

            loop:
              enabled: true
              interval: 1s
              lease_seconds: 4
              triggers: {drift: ~}
            """);
        var a = await ServerProcess.StartAsync(root, args);
        var b = await ServerProcess.StartAsync(root, args);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(6));
            var ticks = await TicksAsync(dir, root, args);
            Assert.True(ticks.Count >= 3, $"{ticks.Count} ticks in 6 s");
            var holder = Assert.Single(ticks.Select(t => t.Holder).Distinct());
            var (leader, standby) = Pid(holder) == a.Pid ? (a, b) : (b, a);
            Assert.Equal(leader.Pid, Pid(holder));

            await leader.KillAsync(); // SIGKILL: the lease is never given up, it runs out
            var killedAt = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            List<(DateTimeOffset At, string Holder)> after = [];
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                after = (await TicksAsync(dir, root, args)).Where(t => t.At > killedAt).ToList();
                if (after.Count >= 2) break;
                await Task.Delay(250);
            }

            Assert.True(after.Count >= 2, "the standby replica never took the loop over: " + standby.Stderr);
            Assert.All(after, t => Assert.Equal(standby.Pid, Pid(t.Holder)));
            var gap = after[0].At - killedAt;
            Assert.InRange(gap, TimeSpan.Zero, TimeSpan.FromSeconds(4 + 1 + 5)); // the lease, an interval, and slack for a loaded machine
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    /// <summary>examples/german-credit ingested and trained on the store, with <paramref name="loop"/> appended to recur.yaml; the store arguments.</summary>
    internal static async Task<(string Root, string[] Args)> ProjectAsync(TempDir dir, string store, string loop)
    {
        var root = CopyExample(dir, "german-credit");
        var yaml = File.ReadAllText(Path.Combine(root, "recur.yaml")).Replace("  significance: 0 ", "  min_gain_over_champion: -1\n  significance: 0 ", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(root, "recur.yaml"), yaml + loop);
        string[] args = store == "postgres" ? ["--store", "postgres:" + PostgresSchema()] : [];
        await CliRunner.OkAsync(dir.Root, ["ingest", "train", "--project", root, .. args]);
        await CliRunner.OkAsync(dir.Root, ["train", "--project", root, .. args]);
        return (root, args);
    }

    // A fresh schema on the test server, as a keyword connection string whose search path is that schema.
    private static string PostgresSchema()
    {
        var server = Environment.GetEnvironmentVariable("RECUR_TEST_POSTGRES")
            ?? throw new InvalidOperationException("RECUR_TEST_POSTGRES is not set: run the tests with `bash .ci/run`, or point it at a PostgreSQL server");
        var name = $"e2e_{Guid.NewGuid():N}";
        using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new Npgsql.NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            create.ExecuteNonQuery();
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ConnectionString;
    }

    private static async Task<int> VersionAsync(HttpClient http, string alias)
    {
        var applicant = "{\"checking\":\"A11\",\"duration\":6,\"credit_history\":\"A34\",\"purpose\":\"A43\",\"amount\":1169,\"savings\":\"A65\",\"employment\":\"A75\",\"installment_rate\":4,\"personal_status\":\"A93\",\"debtors\":\"A101\",\"residence_since\":4,\"property\":\"A121\",\"age\":67,\"other_plans\":\"A143\",\"housing\":\"A152\",\"existing_credits\":2,\"job\":\"A173\",\"dependents\":1,\"telephone\":\"A192\",\"foreign_worker\":\"A201\"}";
        using var response = await http.PostAsync($"/v1/models/german-credit:predict?alias={alias}", Json($$"""{"instances":[{"key":"k-{{Guid.NewGuid():N}}","features":{{applicant}}}]}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0].GetProperty("model_version").GetInt32();
    }

    // The loop's tick_started records: when, and the holder named at the end of "why" ("every 1s on host:pid:suffix").
    private static async Task<List<(DateTimeOffset At, string Holder)>> TicksAsync(TempDir dir, string root, string[] args)
    {
        var history = (await CliRunner.OkAsync(dir.Root, ["loop", "history", "--json", "--project", root, .. args])).Json;
        return history.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("step").GetString() == "tick_started")
            .Select(r => (r.GetProperty("at").GetDateTimeOffset(), r.GetProperty("why").GetString()!.Split(" on ")[^1])).ToList();
    }

    private static int Pid(string holder) => int.Parse(holder.Split(':')[1], CultureInfo.InvariantCulture);
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Answered ⇒ stored: `recur serve` is killed with SIGKILL in the middle of concurrent single-row and 500-row
/// predictions, started again (it drains what its local log holds), and every key that was answered 200 must be in
/// the prediction log. With `serving.log.durability: none` the same run shows what is lost.
/// </summary>
public sealed class DurableLogTests(TrainedProject project, ITestOutputHelper output) : IClassFixture<TrainedProject>
{
    private const int SingleRowClients = 4;
    private const int BatchClients = 2;
    private const int BatchRows = 500;

    [Theory]
    [InlineData("fsync")]
    [InlineData("none")]
    public async Task Serve_KilledMidLoad_EveryAnsweredKeyIsStoredAfterRestart(string durability)
    {
        SetDurability(durability);
        var answered = new ConcurrentBag<string>();
        var sent = 0L;
        var server = await ServerProcess.StartAsync(project.Root);
        {
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, SingleRowClients + BatchClients)
                .Select(c => Task.Run(() => DriveAsync(server.Address, durability, c, c < SingleRowClients ? 1 : BatchRows, answered, () => Interlocked.Increment(ref sent), stop.Token)))
                .ToList();
            // Kill once a good number of answers (and of batches) have gone out, while the clients keep sending.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (answered.Count < 6000 && DateTime.UtcNow < deadline) await Task.Delay(50);
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        var keys = answered.ToHashSet(StringComparer.Ordinal);
        Assert.True(keys.Count > 0, "no prediction was answered before the kill");
        int stored;
        await using (var restarted = await ServerProcess.StartAsync(project.Root))
        {
            // The restarted server drains the frames the killed one fsynced; wait until nothing more arrives.
            stored = await StoredAsync(durability, keys, settle: durability == "fsync" ? TimeSpan.FromSeconds(60) : TimeSpan.FromSeconds(5));
        }
        var lost = keys.Count - stored;
        output.WriteLine($"SIGKILL durability={durability}: requests sent {Interlocked.Read(ref sent)}, keys answered {keys.Count}, answered keys stored {stored}, lost {lost} ({100.0 * lost / keys.Count:F2} %)");
        if (durability == "fsync") Assert.Equal(0, lost);
    }

    private void SetDurability(string durability)
    {
        var file = Path.Combine(project.Root, "recur.yaml");
        var text = File.ReadAllText(file);
        var at = text.IndexOf("\nserving:\n", StringComparison.Ordinal);
        if (at >= 0) text = text[..at] + "\n";
        File.WriteAllText(file, text + $"serving:\n  log:\n    durability: {durability}\n");
    }

    private static async Task DriveAsync(Uri address, string run, int client, int rows, ConcurrentBag<string> answered, Action counted, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            var keys = Enumerable.Range(0, rows).Select(i => $"{run}-c{client}-r{n}-{i}").ToList();
            var body = new StringBuilder("""{"instances":[""");
            body.AppendJoin(',', keys.Select(k => $$"""{"key":"{{k}}","features":{{AdultRequest.Features}}}"""));
            body.Append("]}");
            try
            {
                counted();
                using var response = await http.PostAsync("/v1/models/adult:predict", new StringContent(body.ToString(), Encoding.UTF8, "application/json"), CancellationToken.None);
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                // Answered: a whole 200 response reached the client.
                if (response.StatusCode == HttpStatusCode.OK && text.EndsWith('}')) foreach (var key in keys) answered.Add(key);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return; // the server is gone
            }
        }
    }

    // How many of the answered keys the store holds once the count stops growing (or all are there).
    private async Task<int> StoredAsync(string run, HashSet<string> keys, TimeSpan settle)
    {
        var database = Path.Combine(project.Root, ".recur", "recur.db");
        var deadline = DateTime.UtcNow + settle;
        var (count, last, since) = (0, -1, DateTime.UtcNow);
        while (DateTime.UtcNow < deadline)
        {
            using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT key FROM predictions WHERE key LIKE $run";
                command.Parameters.AddWithValue("$run", run + "-%");
                using var reader = command.ExecuteReader();
                var found = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read()) found.Add(reader.GetString(0));
                count = keys.Count(found.Contains);
            }
            if (count == keys.Count) break;
            if (count != last) (last, since) = (count, DateTime.UtcNow);
            else if (DateTime.UtcNow - since > TimeSpan.FromSeconds(5)) break;
            await Task.Delay(250);
        }
        return count;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// A real full disk under the durable prediction log: <c>serving.log.dir</c> on a 1 MiB tmpfs mounted for the test,
/// filled with a ballast file until only a few KiB are free. Predictions are answered until the log cannot be written,
/// then refused with 503 + Retry-After (never a 500, never an answer whose record is not on disk); /healthz says
/// degraded. Once the ballast is deleted predictions are answered again, and every key answered 200 reaches the store.
/// Needs root (mount), as <c>.ci/run</c> has.
/// </summary>
public sealed class FullDiskTests(TrainedProject project) : IClassFixture<TrainedProject>
{
    [Fact]
    public async Task Serve_LogDiskFills_RefusesWithRetryAfterThenRecoversAndStoresEveryAnsweredKey()
    {
        var disk = Path.Combine(project.Root, "logdisk");
        Directory.CreateDirectory(disk);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk);
        try
        {
            var ballast = Path.Combine(disk, "ballast");
            await File.WriteAllBytesAsync(ballast, new byte[(1024 - 24) * 1024]);
            File.AppendAllText(Path.Combine(project.Root, "recur.yaml"), "serving:\n  log:\n    dir: logdisk\n");
            var answered = new List<string>();
            await using (var server = await ServerProcess.StartAsync(project.Root))
            {
                using var http = server.Client();
                HttpResponseMessage? refused = null;
                for (var n = 0; n < 3000 && refused is null; n++)
                {
                    var response = await http.PostAsync("/v1/models/adult:predict", Body($"full-{n}"));
                    if (response.StatusCode == HttpStatusCode.OK) answered.Add($"full-{n}");
                    else refused = response;
                }

                Assert.NotNull(refused);
                Assert.True(answered.Count > 0, "the first prediction was already refused: the ballast left no room");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.NotNull(refused.Headers.RetryAfter);
                var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Contains("cannot be written", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                using var health = await http.GetAsync("/healthz");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
                Assert.Equal("degraded", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
                using (var live = await http.GetAsync("/livez")) Assert.Equal(HttpStatusCode.OK, live.StatusCode); // a restart would not empty the disk

                File.Delete(ballast);
                var recovered = false;
                for (var n = 0; n < 100 && !recovered; n++)
                {
                    using var response = await http.PostAsync("/v1/models/adult:predict", Body($"after-{n}"));
                    Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"status {response.StatusCode}: {server.Stderr}");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        answered.Add($"after-{n}");
                        recovered = true;
                    }
                    else await Task.Delay(50);
                }
                Assert.True(recovered, "predictions were still refused after the disk had room again: " + server.Stderr);
                await server.KillAsync(); // SIGKILL: the restarted server drains what the log holds
            }

            await using (await ServerProcess.StartAsync(project.Root))
            {
                var stored = await StoredAsync(answered);
                Assert.Equal(answered.Count, stored);
            }
        }
        finally
        {
            await RunAsync("umount", "-l", disk);
        }
    }

    private static StringContent Body(string key) =>
        new($$"""{"instances":[{"key":"{{key}}","features":{{AdultRequest.Features}}}]}""", Encoding.UTF8, "application/json");

    private async Task<int> StoredAsync(List<string> keys)
    {
        var database = Path.Combine(project.Root, ".recur", "recur.db");
        var count = 0;
        for (var i = 0; i < 120 && count < keys.Count; i++)
        {
            await Task.Delay(250);
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT key FROM predictions WHERE key LIKE 'full-%' OR key LIKE 'after-%'";
            using var reader = command.ExecuteReader();
            var found = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read()) found.Add(reader.GetString(0));
            count = keys.Count(found.Contains);
        }
        return count;
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"`{file} {string.Join(' ', args)}` exited {process.ExitCode} (this test needs root to mount a tmpfs): {stderr}");
    }
}

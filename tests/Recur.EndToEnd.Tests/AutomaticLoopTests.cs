using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// The automatic loop on examples/german-credit with a real server running it in the background (loop.enabled,
/// a 1 s interval): shifted traffic and its labels arrive over HTTP, the loop detects the drift, alerts a webhook,
/// retrains, gates, starts a canary that answers some keys (sticky), compares it with the champion on the same
/// period and promotes or rolls back; <c>recur loop history --json</c> tells every step with its numbers.
/// </summary>
public sealed class AutomaticLoopTests : IDisposable
{
    private readonly HttpListener _listener = new();

    [Fact]
    public async Task GermanCredit_BackgroundLoop_DetectsRetrainsCanariesAndDecidesWithAnAuditTrail()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "german-credit");
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/alerts/");
        _listener.Start();
        var alert = ReceiveOneAsync();
        // A loose champion gate (the example's 300 validation rows cannot show a small gain), a drift-only policy, and a
        // canary that ends after 40 candidate predictions.
        var yaml = File.ReadAllText(Path.Combine(root, "recur.yaml")).Replace("  significance: 0 ", "  min_gain_over_champion: -0.1\n  significance: 0 ", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(root, "recur.yaml"), yaml + $$"""

            loop:
              enabled: true
              interval: 1s
              min_interval: 1h
              triggers:
                drift: {share: 0.1}
              canary: {weight: 30, duration: "", requests: 40, min_labelled: 10}
              alerts:
                webhooks:
                  - url: http://127.0.0.1:{{port}}/alerts/
            """);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "train", "--project", root);
        var rows = Applicants(root).Where(a => a.Duration >= 24).ToList();

        await using var server = await ServerProcess.StartAsync(root);
        using var http = server.Client();
        // Long loans only: the inputs shift away from the training profile.
        var before = await SendAsync(http, rows, 0, 200, "shift-");
        Assert.Equal([1], before.Values.Distinct());

        var started = await EventuallyAsync(root, "canary_started", TimeSpan.FromMinutes(4));
        var candidate = started.GetProperty("version").GetInt32();
        Assert.Equal(2, candidate);
        var records = (await HistoryAsync(root)).GetProperty("records").EnumerateArray().Where(r => r.GetProperty("tick").GetInt64() == started.GetProperty("tick").GetInt64()).ToList();
        var drift = records.First(r => r.GetProperty("step").GetString() == "trigger");
        Assert.StartsWith("drift: fired", drift.GetProperty("what").GetString());
        Assert.True(drift.GetProperty("numbers").GetProperty("share").GetDouble() >= 0.1);
        var retrained = records.Single(r => r.GetProperty("step").GetString() == "retrained");
        Assert.Contains("passed", retrained.GetProperty("what").GetString());
        Assert.True(retrained.GetProperty("numbers").TryGetProperty("candidate.auc_low", out _));
        Assert.True(retrained.GetProperty("numbers").TryGetProperty("baseline.auc", out _));

        // The alert reached the webhook with the evidence.
        var body = JsonDocument.Parse(await alert.WaitAsync(TimeSpan.FromMinutes(1))).RootElement;
        Assert.Equal("loop_alert", body.GetProperty("kind").GetString());
        Assert.Contains("drift", body.GetProperty("reason").GetString());

        // The running server picked up the canary: the candidate answers some keys, always the same ones.
        Dictionary<string, int> canary = [];
        for (var i = 0; i < 100 && !canary.ContainsValue(candidate); i++)
        {
            await Task.Delay(200);
            canary = await PredictAsync(http, rows, 0, 20, "probe-");
        }
        Assert.Contains(candidate, canary.Values);
        Assert.Equal(canary, await PredictAsync(http, rows, 0, 20, "probe-"));
        var during = await SendAsync(http, rows, 200, 200, "canary-");
        Assert.Equal([1, candidate], during.Values.Distinct().Order());

        var decided = await EventuallyAsync(root, "compared", TimeSpan.FromMinutes(2));
        var numbers = decided.GetProperty("numbers");
        Assert.True(numbers.GetProperty("candidate_labelled").GetInt32() >= 10);
        Assert.InRange(numbers.GetProperty("difference").GetDouble(), numbers.GetProperty("difference_low").GetDouble(), numbers.GetProperty("difference_high").GetDouble());
        Assert.Contains("Welch two-sample", decided.GetProperty("why").GetString());
        var history = await HistoryAsync(root);
        var last = history.GetProperty("records").EnumerateArray().Last(r => r.GetProperty("step").GetString() is "promoted" or "rolled_back");
        var champion = (await CliRunner.OkAsync(dir.Root, "models", "list", "--json", "--project", root)).Json.GetProperty("versions").EnumerateArray()
            .Single(v => v.GetProperty("aliases").EnumerateArray().Any(a => a.GetString() == "champion")).GetProperty("version").GetInt32();
        Assert.Equal(last.GetProperty("step").GetString() == "promoted" ? candidate : 1, champion);
        Assert.Equal(JsonValueKind.Null, history.GetProperty("canary").ValueKind);

        // Once the canary is over, every default request reaches the champion again.
        await Eventually(async () => (await PredictAsync(http, rows, 0, 20, "after-")).Values.All(v => v == champion));
        var steps = history.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("step").GetString()).ToList();
        Assert.Equal(["tick_started", "trigger", "alert", "decision", "retrained", "canary_started", "tick_finished"],
            history.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("tick").GetInt64() == started.GetProperty("tick").GetInt64()).Select(r => r.GetProperty("step").GetString()));
        Assert.Contains("compared", steps);
    }

    private static async Task<JsonElement> HistoryAsync(string root) =>
        (await CliRunner.OkAsync(root, "loop", "history", "--json", "--project", root)).Json;

    private static async Task<JsonElement> EventuallyAsync(string root, string step, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            var found = (await HistoryAsync(root)).GetProperty("records").EnumerateArray().Where(r => r.GetProperty("step").GetString() == step).ToList();
            if (found.Count > 0) return found[^1];
            await Task.Delay(1000);
        }
        Assert.Fail($"no '{step}' step in the loop history within {within.TotalSeconds} s");
        return default;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("the condition did not hold within 15 s");
    }

    // Predictions in batches of 50, each batch's true labels posted right after it.
    private static async Task<Dictionary<string, int>> SendAsync(HttpClient http, List<Applicant> rows, int start, int count, string prefix)
    {
        var versions = new Dictionary<string, int>();
        for (var at = start; at < start + count; at += 50)
        {
            foreach (var (k, v) in await PredictAsync(http, rows, at, 50, prefix)) versions[k] = v;
            var feedback = Enumerable.Range(at, 50).Select(i => new { key = $"{prefix}{i}", label = rows[i % rows.Count].Label }).ToList();
            using var response = await http.PostAsJsonAsync("/v1/feedback", new { feedback });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        return versions;
    }

    private static async Task<Dictionary<string, int>> PredictAsync(HttpClient http, List<Applicant> rows, int start, int count, string prefix)
    {
        var body = "{\"instances\":[" + string.Join(",", Enumerable.Range(start, count).Select(i => $"{{\"key\":\"{prefix}{i}\",\"features\":{rows[i % rows.Count].Features}}}")) + "]}";
        using var response = await http.PostAsync("/v1/models/german-credit:predict", Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions").EnumerateArray()
            .ToDictionary(p => p.GetProperty("key").GetString()!, p => p.GetProperty("model_version").GetInt32());
    }

    private sealed record Applicant(string Features, string Label, int Duration);

    private static List<Applicant> Applicants(string root) => File.ReadLines(Path.Combine(root, "data", "german.data"))
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(f => new Applicant(
            "{" + string.Join(",", GermanCredit.Inputs.Select((c, i) => $"\"{c}\":" + (double.TryParse(f[i], CultureInfo.InvariantCulture, out _) ? f[i] : $"\"{f[i]}\""))) + "}",
            f[20] == "1" ? "good" : "bad", int.Parse(f[1], CultureInfo.InvariantCulture)))
        .ToList();

    private Task<string> ReceiveOneAsync() => Task.Run(async () =>
    {
        var context = await _listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        context.Response.StatusCode = 200;
        context.Response.Close();
        return body;
    });

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_listener.IsListening) _listener.Stop();
        _listener.Close();
    }
}

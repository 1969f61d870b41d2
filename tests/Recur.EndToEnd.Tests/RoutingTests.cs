using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Gateway routing (serving.routes) on examples/german-credit, driven as a user would: a sticky canary between two
/// versions, an alias move and a route change under load with no failed request, a shadow with its comparison
/// report, two-phase predictions with their accuracy cost from feedback, and bad routes refused naming the key.
/// </summary>
public sealed class RoutingTests
{
    private static readonly string[] Columns = GermanCredit.Inputs;

    [Fact]
    public async Task GermanCredit_Routes_CanaryShadowTwoPhaseAndHotReloadWithoutAFailedRequest()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "german-credit");
        var yaml = Path.Combine(root, "recur.yaml");
        var original = File.ReadAllText(yaml);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root);
        // A second, linear version: the challenger of the canary, and the fast phase later.
        var training = original[original.IndexOf("training:", StringComparison.Ordinal)..original.IndexOf("# The business decision", StringComparison.Ordinal)];
        File.WriteAllText(yaml, original.Replace(training, "training:\n  trainer: lbfgs\n\n", StringComparison.Ordinal));
        await CliRunner.RunAsync(dir.Root, "train", "--json", "--project", root);
        await CliRunner.OkAsync(dir.Root, "models", "alias", "champion", "1", "--project", root);
        await CliRunner.OkAsync(dir.Root, "models", "alias", "challenger", "2", "--project", root);

        // A route to a version that does not exist is refused naming the key and its line.
        File.WriteAllText(yaml, original + Routes("    targets: [{version: 9}]"));
        var bad = await CliRunner.RunAsync(dir.Root, "routes", "show", "--project", root);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("serving.routes[0].targets[0]", bad.Stderr);
        Assert.Contains("no version 9", bad.Stderr);
        File.WriteAllText(yaml, original + Routes("    targets: [{alias: champion, weight: 50}, {alias: challenger, weight: 50}]"));
        var shown = (await CliRunner.OkAsync(dir.Root, "routes", "show", "--json", "--project", root)).Json.GetProperty("routes")[0];
        Assert.Equal([1, 2], shown.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("version").GetInt32()));

        var rows = Applicants(root);
        await using var server = await ServerProcess.StartAsync(root);
        using var http = server.Client();

        // Sticky canary: the same key always reaches the same version, and both versions answer.
        var first = await PredictAsync(http, rows, 0, 60);
        var again = await PredictAsync(http, rows, 0, 60);
        Assert.Equal(first, again);
        Assert.Equal([1, 2], first.Values.Distinct().Order());

        // Load runs across an alias move, a route change and a refused route change: no request fails.
        var failures = new ConcurrentQueue<string>();
        var versions = new ConcurrentQueue<(DateTimeOffset, int)>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var key = 100 + (w * 1000) + (i++ % 200);
                    var answer = await PredictAsync(http, rows, key % rows.Count, 1);
                    foreach (var v in answer.Values) versions.Enqueue((DateTimeOffset.UtcNow, v));
                }
                catch (Exception e)
                {
                    failures.Enqueue(e.Message);
                }
            }
        })).ToArray();
        await Task.Delay(500);
        await CliRunner.OkAsync(dir.Root, "models", "alias", "champion", "2", "--project", root);
        var moved = DateTimeOffset.UtcNow;
        await Eventually(() => versions.Any(v => v.Item1 > moved.AddSeconds(2)));
        Assert.All(versions.Where(v => v.Item1 > moved.AddSeconds(2.5)), v => Assert.Equal(2, v.Item2));

        File.WriteAllText(yaml, original + Routes("    targets: [{version: 1}]\n    shadow: {alias: challenger}"));
        var changed = DateTimeOffset.UtcNow;
        await Eventually(async () => (await http.GetFromJsonAsync<JsonElement>("/v1/routes")).GetProperty("revision").GetInt32() == 2);
        await Task.Delay(300);
        Assert.All(versions.Where(v => v.Item1 > DateTimeOffset.UtcNow.AddMilliseconds(-200)), v => Assert.Equal(1, v.Item2));

        File.WriteAllText(yaml, original + Routes("    targets: [{version: 1, weight: 60}, {version: 2, weight: 30}]"));
        await Eventually(async () => (await http.GetFromJsonAsync<JsonElement>("/v1/routes")).TryGetProperty("last_error", out var e) && e.ValueKind == JsonValueKind.String);
        var refused = await http.GetFromJsonAsync<JsonElement>("/v1/routes");
        Assert.Equal(2, refused.GetProperty("revision").GetInt32());
        Assert.Contains("serving.routes[0].targets", refused.GetProperty("last_error").GetString());
        Assert.Contains("add up to 90", refused.GetProperty("last_error").GetString());
        await Task.Delay(500);
        stop.Cancel();
        await Task.WhenAll(load);
        Assert.True(failures.IsEmpty, $"{failures.Count} failed requests, e.g. {failures.FirstOrDefault()}");
        Assert.True(versions.Count > 50, $"only {versions.Count} answers under load");
        Assert.True(changed < DateTimeOffset.UtcNow);

        // The shadow scored copies of what version 1 answered; the report compares them.
        await Eventually(async () => (await http.GetFromJsonAsync<JsonElement>("/v1/routes")).GetProperty("shadow").GetProperty("scored").GetInt64() > 10);
        var report = await http.GetFromJsonAsync<JsonElement>("/v1/models/german-credit/routes/default/report");
        var shadow = report.GetProperty("shadow");
        Assert.Equal([2], shadow.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
        Assert.True(shadow.GetProperty("compared").GetInt64() > 10);
        var agreement = shadow.GetProperty("agreement");
        Assert.InRange(agreement.GetProperty("value").GetDouble(), agreement.GetProperty("low").GetDouble(), agreement.GetProperty("high").GetDouble());
        Assert.True(shadow.GetProperty("mean_abs_delta").GetDouble() > 0);
        var shares = report.GetProperty("versions").EnumerateArray().ToList();
        Assert.Contains(shares, v => v.GetProperty("version").GetInt32() == 1 && v.GetProperty("latency_p50_ms").GetDouble() > 0);

        // Two-phase: the linear model answers when sure, the rest goes to version 1; feedback prices the shortcut.
        File.WriteAllText(yaml, original + Routes("    targets: [{version: 1}]\n    two_phase: {fast: {version: 2}, confidence: 0.8}"));
        await Eventually(async () => (await http.GetFromJsonAsync<JsonElement>("/v1/routes")).GetProperty("revision").GetInt32() == 3);
        var phases = new Dictionary<int, int>();
        var keys = new List<(string Key, string Label)>();
        for (var start = 0; start < 400; start += 100)
        {
            using var response = await http.PostAsync("/v1/models/german-credit:predict", Json(Body(rows, start, 100, "tp-")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (var p in (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions").EnumerateArray())
            {
                var phase = p.GetProperty("phase").GetInt32();
                phases[phase] = phases.GetValueOrDefault(phase) + 1;
                Assert.Equal(phase == 1 ? 2 : 1, p.GetProperty("model_version").GetInt32());
            }
        }
        Assert.True(phases.GetValueOrDefault(1) > 0 && phases.GetValueOrDefault(2) > 0, string.Join(", ", phases));
        var feedback = new StringBuilder("key,label\n");
        for (var i = 0; i < 400; i++) feedback.Append("tp-").Append(i).Append(',').Append(rows[i].Label).Append('\n');
        File.WriteAllText(dir.Path("feedback.csv"), feedback.ToString());
        await CliRunner.OkAsync(dir.Root, "feedback", dir.Path("feedback.csv"), "--project", root);
        var twoPhase = (await CliRunner.OkAsync(dir.Root, "routes", "report", "--json", "--project", root)).Json.GetProperty("two_phase");
        Assert.Equal(phases[1] / 400.0, twoPhase.GetProperty("fast_share").GetProperty("value").GetDouble(), 6);
        Assert.Equal(phases[1], twoPhase.GetProperty("fast_accuracy").GetProperty("total").GetInt64());
        var cost = twoPhase.GetProperty("accuracy_cost").GetDouble();
        Assert.InRange(cost, twoPhase.GetProperty("accuracy_cost_low").GetDouble(), twoPhase.GetProperty("accuracy_cost_high").GetDouble());
        var human = await CliRunner.OkAsync(dir.Root, "routes", "report", "--project", root);
        Assert.Contains("two-phase: the fast model answered", human.Stdout);
    }

    private static string Routes(string body) => "\nserving:\n  routes:\n  - name: default\n" + body + "\n";

    private static async Task Eventually(Func<bool> condition) => await Eventually(() => Task.FromResult(condition()));

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("the condition did not hold within 15 s");
    }

    private sealed record Applicant(string Features, string Label);

    // The example's rows as JSON feature objects with their true label (1 = good, 2 = bad).
    private static List<Applicant> Applicants(string root) => File.ReadLines(Path.Combine(root, "data", "german.data"))
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(f => new Applicant("{" + string.Join(",", Columns.Select((c, i) => $"\"{c}\":" + (double.TryParse(f[i], System.Globalization.CultureInfo.InvariantCulture, out _) ? f[i] : $"\"{f[i]}\""))) + "}", f[20] == "1" ? "good" : "bad"))
        .ToList();

    private static string Body(List<Applicant> rows, int start, int count, string prefix = "k-") =>
        "{\"instances\":[" + string.Join(",", Enumerable.Range(start, count).Select(i => $"{{\"key\":\"{prefix}{i}\",\"features\":{rows[i % rows.Count].Features}}}")) + "]}";

    private static async Task<Dictionary<string, int>> PredictAsync(HttpClient http, List<Applicant> rows, int start, int count)
    {
        using var response = await http.PostAsync("/v1/models/german-credit:predict", Json(Body(rows, start, count)));
        if (response.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions").EnumerateArray()
            .ToDictionary(p => p.GetProperty("key").GetString()!, p => p.GetProperty("model_version").GetInt32());
    }
}

using Recur.Core.Modeling;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Core.Data;
using Recur.Cli.Commands;
using Recur.Monitoring.Live;
using Recur.Core.Monitoring;
using Recur.Pipeline;
using Recur.Pipeline.Loop;
using Recur.Pipeline.Steps;
using Recur.Server;
using Recur.Serving.Log;
using Recur.Serving.Routing;
using Recur.Training;

namespace Recur.Cli.Demo;

/// <summary>
/// The whole loop on the Adult data: ingest, split, baseline and model, gate and register, serve over
/// real HTTP, log, feedback, a shifted stream, then the automatic loop: detection, retrain and gate, a canary
/// that answers part of the live traffic, its comparison with the champion, promotion or rollback, report.
/// </summary>
internal sealed class DemoRun(CommandContext ctx)
{
    private const int NormalRows = 500;
    private const int ShiftedRows = 1500;
    private const int ShiftMinAge = 50;
    private const int CanaryRows = 800;

    // The demo's loop policy: drift triggers; the canary takes 30% of the traffic until it served 200 predictions.
    private const string LoopPolicy = """

        # Added by recur demo: the automatic loop (see docs/design/automatic-loop.md).
        loop:
          min_interval: 1h
          canary: {weight: 30, duration: "", requests: 200, min_labelled: 100}
        """;

    public async Task<DemoSummary> RunAsync(string? dir, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var root = DemoProject.Create(dir);
        var yaml = Path.Combine(root, RecurProject.FileName);
        // The gate tolerates a small offline loss against the champion: the canary decides on live traffic.
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("min_gain_over_champion: 0.0", "min_gain_over_champion: -0.005  # recur demo: the canary decides", StringComparison.Ordinal) + LoopPolicy);
        ctx.Progress($"[1/9] project {root}");
        var project = RecurProject.Open(root);
        var config = project.Config;

        ctx.Progress("[2/9] ingesting adult.data and adult.test into the lake");
        var train = await IngestStep.RunAsync(project, "train", ct);
        var test = await IngestStep.RunAsync(project, "test", ct);
        var snapshots = new[] { train, test }.Select(o => new DemoSnapshot(o.Snapshot.Dataset, o.Snapshot.Id, o.Snapshot.Rows, o.Snapshot.Quarantined, o.Reused)).ToList();

        ctx.Progress("[3/9] splitting by Fingerprint64, training the heuristic baselines (class prior, one rule) and LightGBM, evaluating on adult.test");
        var testTable = await project.ReadAsync(test.Snapshot, ct);
        var first = await TrainingRun.RunAsync(project, await project.ReadAsync(train.Snapshot, ct), testTable,
            TrainingRun.Ids(train.Snapshot, test.Snapshot), dataIsFirstSnapshot: true, registerRejected: false, ct);
        if (first.Registered is null) throw RecurException.Invalid($"the model did not pass the gates, so there is nothing to serve: {first.Gate.Reason}", "promotion");
        var plan = (await project.Models.LoadAsync(first.Registered, ct)).Manifest.Plan;

        ctx.Progress("[4/9] serving on 127.0.0.1 (free port) and sending keyed requests over HTTP");
        await using var app = RecurServer.Create(root, "http://127.0.0.1:0", time: project.Time);
        await app.StartAsync(ct);
        var url = RecurServer.Address(app);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var writer = app.Services.GetRequiredService<PredictionLogWriter>();
        var random = new Random(config.Seed);
        var order = Enumerable.Range(0, testTable.RowCount).OrderBy(_ => random.Next()).ToList();

        var normalStart = project.Time.GetUtcNow();
        var normal = order.Take(NormalRows).ToList();
        var requests = await SendAsync(http, config.Name, testTable, plan, normal, "adult.test", batch: 50, ct);
        var rejections = await SendBadRequestsAsync(http, config.Name, testTable, plan, ct);
        await writer.FlushAsync();

        ctx.Progress("[5/9] reading the prediction log and posting the true labels as feedback");
        var keys = normal.Select(r => Key("adult.test", r)).ToList();
        var logged = await project.Log.FindByKeysAsync(config.Name, keys, ct);
        await PostFeedbackAsync(http, testTable, plan, normal, "adult.test", ct);
        var joined = await project.Feedback.JoinAsync(config.Name, normalStart, ct);
        var live = new Evaluation.ModelEvaluator(config.Evaluation.Threshold, config.Seed)
            .Evaluate(joined.Select(j => j.Prediction.Score).ToArray(), joined.Select(j => j.TrueLabel == plan.Positive).ToArray());

        ctx.Progress($"[6/9] replaying a shifted stream: people aged {ShiftMinAge}+ only");
        var shiftStart = project.Time.GetUtcNow();
        var age = (NumericColumn)testTable["age"];
        var shifted = order.Skip(NormalRows).Where(r => age.Values[r] >= ShiftMinAge).Take(ShiftedRows).ToList();
        requests += await SendAsync(http, config.Name, testTable, plan, shifted, "stream", batch: 100, ct);
        await writer.FlushAsync();
        await PostFeedbackAsync(http, testTable, plan, shifted, "stream", ct);

        ctx.Progress("[7/9] the automatic loop, tick 1: drift tests, triggers and rate limit, retrain, gate against the champion and the baseline, canary");
        var monitor = await MonitorStep.RunAsync(project, shiftStart, ct);
        var drift = monitor.Drift!;
        var loop = new LoopRunner(project);
        var ticks = new List<LoopTickOutcome> { (await loop.TickAsync("recur demo: after the shifted stream", ct))! };
        var versions = new Dictionary<int, int>();
        var canaryServed = 0;
        if (ticks[0].Canary is { } canary)
        {
            ctx.Progress($"[8/9] canary: v{canary.Candidate} answers {canary.Weight:0.#}% of the keys (sticky); then tick 2 compares it with champion v{canary.Champion} on the same period");
            await app.Services.GetRequiredService<RouteSource>().ReloadAsync(ct);
            var more = order.Skip(NormalRows).Where(r => age.Values[r] >= ShiftMinAge).Skip(ShiftedRows).Take(CanaryRows).ToList();
            canaryServed = more.Count;
            requests += await SendAsync(http, config.Name, testTable, plan, more, "canary", batch: 100, ct, versions);
            await writer.FlushAsync();
            await PostFeedbackAsync(http, testTable, plan, more, "canary", ct);
            ticks.Add((await loop.TickAsync("recur demo: after the canary traffic", ct))!);
        }
        await app.StopAsync(ct);
        var retrained = ticks[0].Records.FirstOrDefault(r => r.Step == LoopSteps.Retrained);
        var candidate = retrained?.Version is { } v ? await project.Registry.FindAsync(config.Name, v, ct) : null;

        ctx.Progress("[9/9] writing the report");
        var summary = new DemoSummary(
            root,
            snapshots,
            new DemoModel(first.Baselines.FirstOrDefault(b => ReferenceEquals(b.Metrics, first.Baseline))?.Name ?? "baseline", null, first.Baseline),
            new DemoModel("lightgbm", first.Registered.Version, first.Candidate),
            new DemoServed(url, requests + rejections.Count, normal.Count + shifted.Count + canaryServed, rejections.Count, rejections),
            new DemoLogged(logged.Count, logged.Select(l => l.Key).Distinct().Count(), logged.Count == 0 ? null : logged[0]),
            live,
            new DemoShift($"adult.test rows with age >= {ShiftMinAge}", shifted.Count, drift.DriftedShare, drift.DatasetDrift, monitor.Decision.Retrain, monitor.Decision.Reason),
            drift.Features,
            retrained is null
                ? new DemoRetrain(false, null, null, null, false, ticks[0].Records.LastOrDefault(r => r.Step is LoopSteps.Decision or LoopSteps.Throttled)?.Why ?? monitor.Decision.Reason, null)
                : new DemoRetrain(true, retrained.Version, candidate?.Metrics, Prefixed(retrained.Numbers, "champion."), retrained.What.Contains("passed", StringComparison.Ordinal), retrained.Why, null),
            new DemoLoop(ticks.Select(t => new DemoTick(t.Tick, t.Action)).ToList(), versions, ticks.SelectMany(t => t.Records).ToList(), ticks[^1].Action,
                ticks.SelectMany(t => t.Records).LastOrDefault(r => r.Step == LoopSteps.Compared)?.Why),
            Path.Combine(project.ReportsDir, "demo.html"),
            Math.Round(clock.Elapsed.TotalSeconds, 2));
        DemoReport.Write(summary, first);
        return summary;
    }

    private static string Key(string stream, int row) => $"{stream}:{row + 1}";

    private static Dictionary<string, double> Prefixed(IReadOnlyDictionary<string, double> numbers, string prefix) =>
        numbers.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(p => p.Key[prefix.Length..], p => p.Value);

    private static async Task<int> SendAsync(HttpClient http, string model, DataTable table, FeaturePlan plan, List<int> rows, string stream, int batch, CancellationToken ct,
        Dictionary<int, int>? versions = null)
    {
        var requests = 0;
        foreach (var chunk in rows.Chunk(batch))
        {
            var body = new StringBuilder("{\"instances\":[");
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) body.Append(',');
                body.Append("{\"key\":").Append(JsonSerializer.Serialize(Key(stream, chunk[i])))
                    .Append(",\"features\":").Append(PredictCommand.InputsJson(table, plan.Features, chunk[i])).Append('}');
            }
            body.Append("]}");
            using var response = await http.PostAsync($"/v1/models/{model}:predict", new StringContent(body.ToString(), Encoding.UTF8, "application/json"), ct);
            if (!response.IsSuccessStatusCode) throw RecurException.Invalid($"the server answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            if (versions is not null)
            {
                foreach (var p in (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("predictions").EnumerateArray())
                {
                    var v = p.GetProperty("model_version").GetInt32();
                    versions[v] = versions.GetValueOrDefault(v) + 1;
                }
            }
            requests++;
        }
        return requests;
    }

    // Shows the contract's error handling: each bad request must get a 400 naming the field.
    private static async Task<List<string>> SendBadRequestsAsync(HttpClient http, string model, DataTable table, FeaturePlan plan, CancellationToken ct)
    {
        var good = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(PredictCommand.InputsJson(table, plan.Features, 0))!;
        var missing = new Dictionary<string, JsonElement>(good);
        missing.Remove("age");
        var mistyped = new Dictionary<string, JsonElement>(good) { ["age"] = JsonSerializer.SerializeToElement("forty") };
        var unknown = new Dictionary<string, JsonElement>(good) { ["favourite_colour"] = JsonSerializer.SerializeToElement("blue") };
        var messages = new List<string>();
        foreach (var features in new[] { missing, mistyped, unknown })
        {
            using var response = await http.PostAsJsonAsync($"/v1/models/{model}:predict", new { instances = new[] { new { key = "bad", features } } }, ct);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            if ((int)response.StatusCode != 400) throw RecurException.Invalid($"a bad request got {(int)response.StatusCode} instead of 400");
            messages.Add($"{(int)response.StatusCode}: {problem.GetProperty("detail").GetString()}");
        }
        return messages;
    }

    private static async Task PostFeedbackAsync(HttpClient http, DataTable table, FeaturePlan plan, List<int> rows, string stream, CancellationToken ct)
    {
        var label = table[plan.Label];
        var feedback = rows.Select(r => new { key = Key(stream, r), label = label.Format(r) }).ToList();
        using var response = await http.PostAsJsonAsync("/v1/feedback", new { feedback }, ct);
        response.EnsureSuccessStatusCode();
    }
}

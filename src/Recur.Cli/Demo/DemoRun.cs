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
using Recur.Pipeline;
using Recur.Pipeline.Steps;
using Recur.Server;
using Recur.Serving.Log;
using Recur.Training;

namespace Recur.Cli.Demo;

/// <summary>
/// The whole loop on the Adult data: ingest, split, baseline and model, gate and register, serve over
/// real HTTP, log, feedback, a shifted stream, drift, retrain and gate again, report.
/// </summary>
internal sealed class DemoRun(CommandContext ctx)
{
    private const int NormalRows = 500;
    private const int ShiftedRows = 1500;
    private const int ShiftMinAge = 50;

    public async Task<DemoSummary> RunAsync(string? dir, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var root = DemoProject.Create(dir);
        ctx.Progress($"[1/8] project {root}");
        var project = RecurProject.Open(root);
        var config = project.Config;

        ctx.Progress("[2/8] ingesting adult.data and adult.test into the lake");
        var train = await IngestStep.RunAsync(project, "train", ct);
        var test = await IngestStep.RunAsync(project, "test", ct);
        var snapshots = new[] { train, test }.Select(o => new DemoSnapshot(o.Snapshot.Dataset, o.Snapshot.Id, o.Snapshot.Rows, o.Snapshot.Quarantined, o.Reused)).ToList();

        ctx.Progress("[3/8] splitting by Fingerprint64, training the heuristic baselines (class prior, one rule) and LightGBM, evaluating on adult.test");
        var testTable = await project.ReadAsync(test.Snapshot, ct);
        var first = await TrainingRun.RunAsync(project, await project.ReadAsync(train.Snapshot, ct), testTable,
            TrainingRun.Ids(train.Snapshot, test.Snapshot), dataIsFirstSnapshot: true, registerRejected: false, ct);
        if (first.Registered is null) throw RecurException.Invalid($"the model did not pass the gates, so there is nothing to serve: {first.Gate.Reason}", "promotion");
        var plan = (await project.Models.LoadAsync(first.Registered, ct)).Manifest.Plan;

        ctx.Progress("[4/8] serving on 127.0.0.1 (free port) and sending keyed requests over HTTP");
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

        ctx.Progress("[5/8] reading the prediction log and posting the true labels as feedback");
        var keys = normal.Select(r => Key("adult.test", r)).ToList();
        var logged = await project.Log.FindByKeysAsync(config.Name, keys, ct);
        await PostFeedbackAsync(http, testTable, plan, normal, "adult.test", ct);
        var joined = await project.Feedback.JoinAsync(config.Name, normalStart, ct);
        var live = new Evaluation.ModelEvaluator(config.Evaluation.Threshold, config.Seed)
            .Evaluate(joined.Select(j => j.Prediction.Score).ToArray(), joined.Select(j => j.TrueLabel == plan.Positive).ToArray());

        ctx.Progress($"[6/8] replaying a shifted stream: people aged {ShiftMinAge}+ only");
        var shiftStart = project.Time.GetUtcNow();
        var age = (NumericColumn)testTable["age"];
        var shifted = order.Skip(NormalRows).Where(r => age.Values[r] >= ShiftMinAge).Take(ShiftedRows).ToList();
        requests += await SendAsync(http, config.Name, testTable, plan, shifted, "stream", batch: 100, ct);
        await writer.FlushAsync();
        await PostFeedbackAsync(http, testTable, plan, shifted, "stream", ct);
        await app.StopAsync(ct);

        ctx.Progress("[7/8] drift tests on the shifted window and the retraining policy");
        var monitor = await MonitorStep.RunAsync(project, shiftStart, ct);
        var drift = monitor.Drift!;
        TrainingOutcome? retrained = null;
        if (monitor.Decision.Retrain)
        {
            ctx.Progress("[7/8] retraining on the enlarged data and gating the candidate against the champion and the baseline");
            retrained = await RetrainStep.RunAsync(project, shiftStart, ct);
        }

        ctx.Progress("[8/8] writing the report");
        var summary = new DemoSummary(
            root,
            snapshots,
            new DemoModel(first.Baselines.FirstOrDefault(b => ReferenceEquals(b.Metrics, first.Baseline))?.Name ?? "baseline", null, first.Baseline),
            new DemoModel("lightgbm", first.Registered.Version, first.Candidate),
            new DemoServed(url, requests + rejections.Count, normal.Count + shifted.Count, rejections.Count, rejections),
            new DemoLogged(logged.Count, logged.Select(l => l.Key).Distinct().Count(), logged.Count == 0 ? null : logged[0]),
            live,
            new DemoShift($"adult.test rows with age >= {ShiftMinAge}", shifted.Count, drift.DriftedShare, drift.DatasetDrift, monitor.Decision.Retrain, monitor.Decision.Reason),
            drift.Features,
            retrained is null
                ? new DemoRetrain(false, null, null, null, false, monitor.Decision.Reason, null)
                : new DemoRetrain(true, retrained.Registered?.Version, retrained.Candidate, retrained.ChampionMetrics, retrained.Gate.Promote, retrained.Gate.Reason, retrained),
            Path.Combine(project.ReportsDir, "demo.html"),
            Math.Round(clock.Elapsed.TotalSeconds, 2));
        DemoReport.Write(summary, first);
        return summary;
    }

    private static string Key(string stream, int row) => $"{stream}:{row + 1}";

    private static async Task<int> SendAsync(HttpClient http, string model, DataTable table, FeaturePlan plan, List<int> rows, string stream, int batch, CancellationToken ct)
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

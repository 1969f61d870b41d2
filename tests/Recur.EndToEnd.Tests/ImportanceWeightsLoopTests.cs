using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// <c>loop.retrain.importance_weights</c> on examples/german-credit: long-loan traffic and its labels arrive over HTTP,
/// <c>recur loop --once</c> retrains on importance weights, and <c>recur loop history --json</c> records the weighted
/// retrain against the plain one with intervals.
/// </summary>
public sealed class ImportanceWeightsLoopTests
{
    [Fact]
    public async Task GermanCredit_LoopOnceWithImportanceWeights_AuditsWeightedAgainstPlain()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "german-credit");
        var yaml = File.ReadAllText(Path.Combine(root, "recur.yaml")).Replace("  significance: 0 ", "  min_gain_over_champion: -0.1\n  significance: 0 ", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(root, "recur.yaml"), yaml + """

            loop:
              triggers:
                drift: ~
                new_labels: {rows: 50}
              canary: {enabled: false}
              retrain: {importance_weights: true, max_weight: 10}
            """);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "train", "--project", root);
        var rows = Applicants(root).Where(a => a.Duration >= 24).ToList();
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            for (var at = 0; at < 200; at += 50)
            {
                var body = "{\"instances\":[" + string.Join(",", Enumerable.Range(at, 50).Select(i => $"{{\"key\":\"long-{i}\",\"features\":{rows[i % rows.Count].Features}}}")) + "]}";
                using var predicted = await http.PostAsync("/v1/models/german-credit:predict", Json(body));
                Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
                var feedback = Enumerable.Range(at, 50).Select(i => new { key = $"long-{i}", label = rows[i % rows.Count].Label }).ToList();
                using var posted = await http.PostAsJsonAsync("/v1/feedback", new { feedback });
                Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
            }
        }

        await CliRunner.OkAsync(dir.Root, "loop", "--once", "--json", "--project", root);
        var history = (await CliRunner.OkAsync(dir.Root, "loop", "history", "--json", "--project", root)).Json;

        var records = history.GetProperty("records").EnumerateArray().ToList();
        var shift = records.Single(r => r.GetProperty("step").GetString() == "shift_weighted");
        var n = shift.GetProperty("numbers");
        double N(string key) => n.GetProperty(key).GetDouble();
        // Long loans only: the domain classifier tells them from the training rows beyond chance.
        Assert.True(N("domain_auc_low") > 0.5, $"domain auc {N("domain_auc")}");
        Assert.InRange(N("effective_sample_size"), 1, N("weighted_rows"));
        Assert.Equal(60, N("holdout_rows"));
        foreach (var side in new[] { "plain", "weighted" }) Assert.InRange(N($"{side}.auc"), N($"{side}.auc_low"), N($"{side}.auc_high"));
        Assert.InRange(N("gain"), N("gain_low"), N("gain_high"));
        Assert.Contains("importance-weighted retrain", shift.GetProperty("what").GetString());
        Assert.Contains("effective sample size", shift.GetProperty("why").GetString());
        var steps = records.Select(r => r.GetProperty("step").GetString()).ToList();
        Assert.True(steps.IndexOf("shift_weighted") < steps.IndexOf("retrained"));
    }

    private sealed record Applicant(string Features, string Label, int Duration);

    private static List<Applicant> Applicants(string root) => File.ReadLines(Path.Combine(root, "data", "german.data"))
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(f => new Applicant(
            "{" + string.Join(",", GermanCredit.Inputs.Select((c, i) => $"\"{c}\":" + (double.TryParse(f[i], CultureInfo.InvariantCulture, out _) ? f[i] : $"\"{f[i]}\""))) + "}",
            f[20] == "1" ? "good" : "bad", int.Parse(f[1], CultureInfo.InvariantCulture)))
        .ToList();
}

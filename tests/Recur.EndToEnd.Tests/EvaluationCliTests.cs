using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// recur eval (every metric with its interval, curves, calibration, residuals; on a snapshot or a CSV file) and the
/// decision policy kept beside a version (examples/german-credit and its cost matrix), driven as a user would.
/// </summary>
public sealed class EvaluationCliTests
{
    [Fact]
    public async Task GermanCredit_CostMatrix_ChoosesAStoredPolicyThatChangesWithoutRetraining()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "german-credit");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);

        // Training chooses the threshold on the validation rows: a missed bad risk costs 5 times a refused good one,
        // so the threshold falls well below 0.5, and the policy's value per decision comes with its interval.
        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;
        var policy = train.GetProperty("policy");
        var threshold = policy.GetProperty("threshold").GetDouble();
        Assert.InRange(threshold, 0.0, 0.4);
        Assert.Equal("expected_value", policy.GetProperty("objective").GetString());
        Assert.Equal(-5, policy.GetProperty("values").GetProperty("false_negative").GetDouble());
        var evidence = policy.GetProperty("evidence");
        Assert.InRange(evidence.GetProperty("value_per_decision").GetDouble(), evidence.GetProperty("value_per_decision_low").GetDouble(), evidence.GetProperty("value_per_decision_high").GetDouble());
        var artifact = train.GetProperty("registered").GetProperty("artifact").GetString()!;
        AssertReport(train, root, "Decision policy", "mean value per decision");

        var shown = (await CliRunner.OkAsync(dir.Root, "policy", "show", "--json", "--project", root)).Json;
        Assert.Equal(threshold, shown.GetProperty("threshold").GetDouble());
        Assert.Equal("recur train", shown.GetProperty("current").GetProperty("changed_by").GetString());

        // Score some applicants at the chosen threshold, then raise it without retraining: fewer are refused.
        var applicants = Path.Combine(dir.Root, "applicants.csv");
        WriteApplicants(root, applicants, 200);
        var before = await RefusedAsync(dir, root, applicants);
        var set = (await CliRunner.OkAsync(dir.Root, "policy", "set", "--threshold", "0.9", "--reason", "the risk team accepts more risk", "--json", "--project", root)).Json;
        Assert.Equal(2, set.GetProperty("current").GetProperty("revision").GetInt32());
        var after = await RefusedAsync(dir, root, applicants);
        Assert.True(after < before, $"refused {before} at {threshold}, {after} at 0.9");

        var history = (await CliRunner.OkAsync(dir.Root, "policy", "history", "--json", "--project", root)).Json.GetProperty("revisions");
        Assert.Equal([1, 2], history.EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Equal("the risk team accepts more risk", history[1].GetProperty("reason").GetString());

        // A running server decides at the policy's threshold too, and shows the policy with its history.
        var applicant = File.ReadLines(applicants).Skip(1).Select(l => l.Split(',')).First();
        var names = File.ReadLines(applicants).First().Split(',');
        var features = string.Join(",", names.Take(names.Length - 1).Select((n, i) => $"\"{n}\":" + (double.TryParse(applicant[i], System.Globalization.CultureInfo.InvariantCulture, out _) ? applicant[i] : $"\"{applicant[i]}\"")));
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            var served = await http.GetFromJsonAsync<JsonElement>("/v1/models/german-credit/versions/1/policy");
            Assert.Equal(0.9, served.GetProperty("threshold").GetDouble());
            Assert.Equal(2, served.GetProperty("history").GetArrayLength());
            Assert.Equal("fixed", served.GetProperty("current").GetProperty("policy").GetProperty("objective").GetString());
            using var response = await http.PostAsync("/v1/models/german-credit:predict", Json("{\"instances\":[{\"key\":\"a-1\",\"features\":{" + features + "}}]}"));
            var prediction = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0];
            Assert.Equal(prediction.GetProperty("score").GetDouble() >= 0.9 ? "bad" : "good", prediction.GetProperty("label").GetString());
            var schema = await http.GetFromJsonAsync<JsonElement>("/v1/models/german-credit/versions/1/schema");
            Assert.Equal(["good", "bad"], schema.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
            var inputs = schema.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
            Assert.Equal(20, inputs.Count);
            Assert.Contains("A11", inputs["checking"].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
            Assert.InRange(inputs["duration"].GetProperty("min").GetDouble(), 4, 6);
            Assert.InRange(inputs["duration"].GetProperty("max").GetDouble(), 48, 72);
            using var unknown = await http.GetAsync("/v1/models/german-credit/versions/9/policy");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // The model file is untouched: the same single version, the same artifact; eval decides at the new threshold.
        var eval = (await CliRunner.OkAsync(dir.Root, "eval", "1", "--json", "--project", root)).Json;
        Assert.Equal(0.9, eval.GetProperty("threshold").GetDouble());
        Assert.Equal("personal_status", eval.GetProperty("fairness").GetProperty("attributes")[0].GetProperty("name").GetString());
        Assert.Equal(2, eval.GetProperty("policy").GetProperty("revision").GetInt32());
        var models = (await CliRunner.OkAsync(dir.Root, "models", "list", "--json", "--project", root)).Json;
        Assert.Contains(artifact, models.GetRawText());

        // The model card: what people said in recur.yaml beside what Recur measured, as HTML and JSON.
        var card = (await CliRunner.OkAsync(dir.Root, "card", "--json", "--project", root)).Json;
        Assert.StartsWith("A teaching example", card.GetProperty("intended_use").GetString());
        Assert.Contains(card.GetProperty("limitations").EnumerateArray(), l => l.GetString()!.Contains("personal_status encodes sex"));
        Assert.Contains("revision 2", card.GetProperty("policy").GetString());
        Assert.Equal("lightgbm", card.GetProperty("lineage").GetProperty("trainer").GetString());
        Assert.StartsWith("By personal_status: equalized-odds gap", card.GetProperty("fairness")[0].GetString());
        Assert.Equal(1000, card.GetProperty("data").GetProperty("rows").GetInt64());
        var auc = card.GetProperty("metrics").GetProperty("auc").GetDouble();
        Assert.InRange(auc, card.GetProperty("metrics").GetProperty("auc_low").GetDouble(), card.GetProperty("metrics").GetProperty("auc_high").GetDouble());
        Assert.Contains("Model card: german-credit version 1", File.ReadAllText(card.GetProperty("html").GetString()!));
        Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(card.GetProperty("json").GetString()!)).RootElement.GetProperty("version").GetInt32());

        // Errors name what is wrong.
        var both = await CliRunner.RunAsync(dir.Root, "policy", "set", "--threshold", "1.5", "--reason", "x", "--project", root);
        Assert.NotEqual(0, both.ExitCode);
        Assert.Contains("--threshold 1.5 must be a probability", both.Stderr);
        File.WriteAllText(Path.Combine(root, "recur.yaml"), File.ReadAllText(Path.Combine(root, "recur.yaml")).Replace("cost_matrix: [[0, 1], [5, 0]]", "cost_matrix: [[0, 1, 2], [5, 0, 1]]"));
        var shape = await CliRunner.RunAsync(dir.Root, "policy", "show", "--project", root);
        Assert.NotEqual(0, shape.ExitCode);
        Assert.Contains("decision.cost_matrix", shape.Stderr);
        Assert.Contains("2 rows of 2 costs", shape.Stderr);
    }

    [Fact]
    public async Task Adult_EvalOnAFileAndASnapshot_ReportsEveryMetricWithIntervalsCurvesAndCalibration()
    {
        using var dir = new TempDir();
        var root = dir.Path("adult");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        var train = Path.Combine(root, "data", "train.csv");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv"), train);
        await CliRunner.OkAsync(dir.Root, "init", "--project", root, "--source", train, "--label", "income", "--key", "id", "--name", "adult");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root);

        // A CSV file of rows the model never saw; a row without a label is reported, not silently dropped.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "test.csv"));
        lines[1] = lines[1][..lines[1].LastIndexOf(',')] + ",";
        var csv = Path.Combine(dir.Root, "held-out.csv");
        File.WriteAllLines(csv, lines);
        var eval = (await CliRunner.OkAsync(dir.Root, "eval", "champion", "--data", csv, "--json", "--project", root)).Json;
        Assert.Equal(lines.Length - 2, eval.GetProperty("rows").GetInt32());
        Assert.Contains(eval.GetProperty("skipped").EnumerateArray(), s => s.GetString()!.Contains("1 rows have no value for the label 'income'"));
        var metrics = eval.GetProperty("metrics");
        foreach (var name in new[] { "auc", "pr_auc", "log_loss", "brier", "accuracy", "precision", "recall", "f1" })
        {
            var value = metrics.GetProperty(name).GetDouble();
            Assert.InRange(value, metrics.GetProperty(name + "_low").GetDouble(), metrics.GetProperty(name + "_high").GetDouble());
        }
        var points = eval.GetProperty("curves").GetProperty("points");
        Assert.True(points.GetArrayLength() > 20);
        Assert.Equal(1.0, points[points.GetArrayLength() - 1].GetProperty("true_positive_rate").GetDouble());
        var calibration = eval.GetProperty("calibration");
        Assert.InRange(calibration.GetProperty("ece").GetDouble(), 0, 0.1);
        Assert.Equal(metrics.GetProperty("brier").GetDouble(), calibration.GetProperty("brier").GetDouble(), 9);
        var comparison = eval.GetProperty("baselines")[0].GetProperty("comparison").GetString();
        Assert.Contains("of the errors of always predicting '<=50K'", comparison);
        var slices = eval.GetProperty("slices").GetProperty("slices");
        Assert.True(slices.GetArrayLength() > 0);
        Assert.True(slices[0].GetProperty("rows").GetInt32() >= 30);
        Assert.True(slices[0].GetProperty("error").GetDouble() > eval.GetProperty("slices").GetProperty("overall").GetDouble());
        var report = AssertReport(eval, root, "ROC curve", "Precision–recall curve", "Calibration", "Metrics with 95% intervals", "Error analysis");
        Assert.True(CountOf(report, "<svg") >= 3);

        // The same version on a snapshot named by its dataset.
        var onSnapshot = (await CliRunner.OkAsync(dir.Root, "eval", "adult:1", "--data", "train", "--json", "--project", root)).Json;
        Assert.Contains("dataset 'train'", onSnapshot.GetProperty("data").GetString());

        var missing = await CliRunner.RunAsync(dir.Root, "eval", "v7", "--project", root);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("has no version 7", missing.Stderr);
        var noLabel = Path.Combine(dir.Root, "no-label.csv");
        File.WriteAllLines(noLabel, lines.Select(l => l[..l.LastIndexOf(',')]));
        var unlabelled = await CliRunner.RunAsync(dir.Root, "eval", "--data", noLabel, "--project", root);
        Assert.NotEqual(0, unlabelled.ExitCode);
        Assert.Contains("column 'income' is missing", unlabelled.Stderr);
    }

    [Fact]
    public async Task BikeSharing_Eval_ReportsResidualsAndErrorByTargetRange()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "bike-sharing");
        await IngestAsync(dir, root);
        await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root);

        var eval = (await CliRunner.OkAsync(dir.Root, "eval", "--json", "--project", root)).Json;
        var residuals = eval.GetProperty("residuals");
        var ranges = residuals.GetProperty("by_target_range");
        Assert.Equal(5, ranges.GetArrayLength());
        Assert.Equal(eval.GetProperty("rows").GetInt32(), ranges.EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()));
        foreach (var r in ranges.EnumerateArray()) Assert.InRange(r.GetProperty("mae").GetDouble(), r.GetProperty("mae_low").GetDouble(), r.GetProperty("mae_high").GetDouble());
        Assert.True(residuals.GetProperty("sample").GetArrayLength() > 100);
        Assert.True(eval.GetProperty("metrics").TryGetProperty("median_absolute_error_low", out _));
        AssertReport(eval, root, "Residuals", "Error by target range");
    }

    private static int CountOf(string text, string fragment) => (text.Length - text.Replace(fragment, "", StringComparison.Ordinal).Length) / fragment.Length;

    private static void WriteApplicants(string root, string path, int rows)
    {
        var header = "checking,duration,credit_history,purpose,amount,savings,employment,installment_rate,personal_status,debtors,residence_since,property,age,other_plans,housing,existing_credits,job,dependents,telephone,foreign_worker,risk";
        var lines = File.ReadLines(Path.Combine(root, "data", "german.data")).Take(rows).Select(l => string.Join(',', l.Trim().Split(' ')));
        File.WriteAllLines(path, [header, .. lines]);
    }

    private static async Task<int> RefusedAsync(TempDir dir, string root, string applicants)
    {
        var output = Path.Combine(dir.Root, $"scored-{Guid.NewGuid():N}.csv");
        await CliRunner.OkAsync(dir.Root, "predict", applicants, "--output", output, "--project", root);
        return File.ReadLines(output).Skip(1).Count(l => l.Split(',')[1] == "bad");
    }
}

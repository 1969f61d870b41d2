using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// framing.rebalance on examples/adult-skewed (5 % positives): <c>recur train</c> lists the class-weighted, down-sampled
/// and up-sampled candidates beside the plain one, reports the skew-aware metrics without being asked, records the
/// threshold chosen for them as the version's decision policy, and the served version decides at it over HTTP.
/// </summary>
public sealed class RebalanceLoopTests
{
    private const string Row = """{"age":52,"workclass":"Self-emp-inc","education":"HS-grad","education-num":9,"marital-status":"Married-civ-spouse","occupation":"Exec-managerial","relationship":"Wife","race":"White","sex":"Female","capital-gain":15024,"capital-loss":0,"hours-per-week":40,"native-country":"United-States"}""";

    [Fact]
    public async Task Train_SkewedAdultWithRebalancing_CandidatesSkewMetricsAndServedThreshold()
    {
        using var dir = new TempDir();
        var root = TaskLoop.CopyExample(dir, "adult-skewed");
        // Fewer rounds and members than the example, so the test stays quick on a shared machine.
        var yaml = Path.Combine(root, "recur.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("iterations: 100", "iterations: 30").Replace("models: 5 ", "models: 3 "));
        await TaskLoop.IngestAsync(dir, root);

        var train = (await CliRunner.RunAsync(dir.Root, "train", "--json", "--project", root)).Json;

        var candidates = train.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["plain", "rebalance", "rebalance", "rebalance"], candidates.Select(c => c.GetProperty("framing").GetString()));
        var described = candidates.Skip(1).Select(c => c.GetProperty("description").GetString()!).ToList();
        Assert.Contains("class weights", described[0]);
        Assert.Contains("3 lightgbm models, each on a seeded down-sample", described[1]);
        Assert.Contains("duplicated", described[2]);
        Assert.All(candidates, c => Assert.True(c.GetProperty("validation").TryGetProperty("f_beta", out _)));
        Assert.Contains("candidates", train.GetProperty("chosen_because").GetString());

        // The skew-aware metrics are there without being asked for, each with its interval.
        var metrics = train.GetProperty("candidate");
        foreach (var m in new[] { "pr_auc", "f_beta", "recall_at_precision" })
        {
            Assert.InRange(metrics.GetProperty(m).GetDouble(), metrics.GetProperty(m + "_low").GetDouble(), metrics.GetProperty(m + "_high").GetDouble());
        }
        Assert.InRange(metrics.GetProperty("minority_rate").GetDouble(), 0.04, 0.06);
        Assert.Equal(2, metrics.GetProperty("beta").GetDouble());

        // The threshold chosen on the validation rows for F2 becomes the version's decision policy.
        var skew = train.GetProperty("skew");
        Assert.True(skew.GetProperty("recorded").GetBoolean());
        Assert.StartsWith("max f_beta", skew.GetProperty("objective").GetString());
        var threshold = skew.GetProperty("threshold").GetDouble();
        Assert.Equal(threshold, train.GetProperty("policy").GetProperty("threshold").GetDouble());
        TaskLoop.AssertReport(train, root, "Skewed label", "recall at precision");

        var version = train.GetProperty("registered").GetProperty("version").GetInt32();
        var eval = (await CliRunner.OkAsync(dir.Root, "eval", version.ToString(CultureInfo.InvariantCulture), "--json", "--project", root)).Json;
        Assert.True(eval.GetProperty("metrics").TryGetProperty("recall_at_precision_high", out _));

        await using var server = await ServerProcess.StartAsync(root);
        using var http = server.Client();
        using var response = await http.PostAsync("/v1/models/adult-skewed:predict", TaskLoop.Json($$"""{"instances":[{"key":"r-1","features":{{Row}}}]}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var p = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0];
        Assert.Equal(version, p.GetProperty("model_version").GetInt32());
        Assert.Equal(p.GetProperty("score").GetDouble() >= threshold ? ">50K" : "<=50K", p.GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("    methods: [class_weights]\n    weights: {baad: 5}\n", "framing.rebalance.weights.baad", "'baad' is not a class of label 'risk' (classes: good, bad)")]
    [InlineData("    methods: [downsample]\n    models: 0\n", "framing.rebalance.models", "at least 1")]
    [InlineData("    methods: [downsample]\n    downsample_ratio: 500\n", "framing.rebalance.downsample_ratio", "not 500")]
    public async Task Train_BadRebalanceSetting_FailsBeforeTrainingNamingTheKeyAndLine(string rebalance, string key, string message)
    {
        using var dir = new TempDir();
        var root = TaskLoop.CopyExample(dir, "german-credit");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        File.AppendAllText(Path.Combine(root, "recur.yaml"), "\nframing:\n  rebalance:\n" + rebalance);

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", root);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(key, result.Stderr);
        Assert.Contains(message, result.Stderr);
        Assert.Contains("line ", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(root, ".recur", "artifacts")) && Directory.EnumerateFiles(Path.Combine(root, ".recur", "artifacts"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Train_LabelWithOneClass_FailsNamingTheClass()
    {
        using var dir = new TempDir();
        var root = TaskLoop.CopyExample(dir, "german-credit");
        var yaml = File.ReadAllText(Path.Combine(root, "recur.yaml")).Replace("""risk: {"1": good, "2": bad}""", """risk: {"1": good, "2": good}""")
            .Replace("positive: bad\n", "");
        File.WriteAllText(Path.Combine(root, "recur.yaml"), yaml.Replace("decision:\n  cost_matrix: [[0, 1], [5, 0]]\n  objective: expected_value\n", "") + "\nframing:\n  rebalance:\n    methods: [upsample]\n");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", root);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("label 'risk' has 1 class (good)", result.Stderr);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>framing.cascade on examples/bike-cascade (Bike Sharing routed by workingday), through the whole loop as a user drives it.</summary>
public sealed class CascadeLoopTests
{
    [Fact]
    public async Task BikeCascade_SegmentCascade_TrainsReportsServesWithTheBranchAndIsMonitored()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "bike-cascade");
        await IngestAsync(dir, root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;

        // Two candidates: the single linear model and the cascade of one linear model per kind of day; the cascade wins.
        var candidates = train.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["plain", "cascade"], candidates.Select(c => c.GetProperty("framing").GetString()));
        Assert.Equal("cascade(sdca)", candidates[1].GetProperty("trainer").GetString());
        Assert.True(candidates[1].GetProperty("chosen").GetBoolean());
        Assert.StartsWith("cascade (cascade(sdca)) has the lowest validation rmse of 2 candidates", train.GetProperty("chosen_because").GetString(), StringComparison.Ordinal);

        // The routing share of each branch on the 3,430 test hours, with its Wilson interval, and the branch's metrics beside the single model's.
        var cascade = train.GetProperty("cascade");
        Assert.Equal(3430, cascade.GetProperty("rows").GetInt32());
        Assert.Equal("sdca", cascade.GetProperty("single_model").GetString());
        var branches = cascade.GetProperty("branches").EnumerateArray().ToList();
        Assert.Equal(["offday", "workday"], branches.Select(b => b.GetProperty("branch").GetString()));
        var hours = File.ReadAllLines(Path.Combine(root, "data", "hour_test.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(hours.Count(h => h[8] == "0"), branches[0].GetProperty("rows").GetInt32());
        Assert.Equal(hours.Count(h => h[8] == "1"), branches[1].GetProperty("rows").GetInt32());
        foreach (var b in branches)
        {
            var share = b.GetProperty("share").GetDouble();
            Assert.InRange(share, b.GetProperty("share_low").GetDouble(), b.GetProperty("share_high").GetDouble());
            var rmse = b.GetProperty("cascade").GetProperty("rmse").GetDouble();
            Assert.InRange(rmse, b.GetProperty("cascade").GetProperty("rmse_low").GetDouble(), b.GetProperty("cascade").GetProperty("rmse_high").GetDouble());
            Assert.True(rmse < b.GetProperty("single").GetProperty("rmse").GetDouble(), $"branch {b.GetProperty("branch")} rmse {rmse} is not below the single model's");
        }
        Assert.Equal(train.GetProperty("candidate").GetProperty("rmse").GetDouble(), cascade.GetProperty("cascade_metrics").GetProperty("rmse").GetDouble(), 9);
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.GetProperty("gate").GetProperty("reason").GetString());
        AssertReport(train, root, "Candidates and framings", "<td>cascade</td><td>cascade(sdca)</td>", "Chosen: cascade (cascade(sdca))",
            "Cascade: routing and branches", "<td>workday</td>", "baseline: median");

        // One versioned model: its lineage names the cascade and its routing.
        var version = (await CliRunner.OkAsync(dir.Root, "models", "show", "1", "--json", "--project", root)).Json;
        Assert.Contains("cascade(sdca)", version.ToString(), StringComparison.Ordinal);

        // Batch scoring through the same prediction service and the log.
        var test = Path.Combine(root, "data", "hour_test.csv");
        var predicted = (await CliRunner.OkAsync(dir.Root, "predict", test, "-o", dir.Path("scored.csv"), "--json", "--project", root)).Json;
        Assert.Equal(3430, predicted.GetProperty("rows").GetInt32());

        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            using var response = await http.PostAsync("/v1/models/bike-cascade:predict", Json(
                """{"instances":[{"key":"h-work","features":{"season":3,"yr":1,"mnth":8,"hr":17,"holiday":0,"weekday":4,"workingday":1,"weathersit":1,"temp":0.7,"atemp":0.65,"hum":0.5,"windspeed":0.2}},""" +
                """{"key":"h-off","features":{"season":3,"yr":1,"mnth":8,"hr":17,"holiday":0,"weekday":6,"workingday":0,"weathersit":1,"temp":0.7,"atemp":0.65,"hum":0.5,"windspeed":0.2}}]}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var predictions = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions");
            Assert.Equal("workday", predictions[0].GetProperty("branch").GetString());
            Assert.Equal("offday", predictions[1].GetProperty("branch").GetString());
            Assert.Equal(1, predictions[0].GetProperty("model_version").GetInt32());
            // Five o'clock on a working day is the evening commute: busier than the same hour on a Saturday.
            Assert.True(predictions[0].GetProperty("value").GetDouble() > predictions[1].GetProperty("value").GetDouble());

            // A segment value no branch takes, with no default, is the caller's mistake: 400 naming the column and value.
            using var odd = await http.PostAsync("/v1/models/bike-cascade:predict", Json(
                """{"instances":[{"key":"h-odd","features":{"season":3,"yr":1,"mnth":8,"hr":17,"holiday":0,"weekday":4,"workingday":2,"weathersit":1,"temp":0.7,"atemp":0.65,"hum":0.5,"windspeed":0.2}}]}"""));
            Assert.Equal(HttpStatusCode.BadRequest, odd.StatusCode);
            Assert.Contains("'workingday' is '2', which no cascade branch takes", await odd.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var truth = hours.Take(500).Select(f => $$"""{"key":"{{f[0]}}","label":{{f[^1]}}}""");
            using var feedback = await http.PostAsync("/v1/feedback", Json($$"""{"feedback":[{{string.Join(',', truth)}}]}"""));
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        }

        var monitor = (await CliRunner.OkAsync(dir.Root, "monitor", "--json", "--project", root)).Json;
        Assert.Equal(3432, monitor.GetProperty("logged").GetInt32());
        Assert.Equal(500, monitor.GetProperty("labelled").GetInt32());
        Assert.True(monitor.GetProperty("live").GetProperty("rmse").GetDouble() > 0);

        // Live performance per branch of a segment cascade: by the segment column, which the log keeps with each prediction.
        var performance = (await CliRunner.OkAsync(dir.Root, "monitor", "performance", "--window", "all", "--by", "workingday", "--json", "--project", root)).Json;
        var byDay = performance.GetProperty("windows")[0].GetProperty("fairness").EnumerateArray().Single(f => f.GetProperty("column").GetString() == "workingday");
        Assert.Equal(["0", "1"], byDay.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Train_SegmentValueWithoutBranch_FailsBeforeTrainingNamingTheValueKeyAndLine()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "bike-cascade");
        var yaml = Path.Combine(root, "recur.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("\"0\": offday", "\"7\": offday", StringComparison.Ordinal));
        await IngestAsync(dir, root);

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("framing.cascade.branches: value '0' of segment 'workingday' (4387 rows) has no branch and there is no framing.cascade.default", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("recur.yaml: line ", result.Stderr, StringComparison.Ordinal);
        var reports = Path.Combine(root, ".recur", "reports");
        Assert.False(Directory.Exists(reports) && Directory.GetFiles(reports, "train-*").Length > 0, "nothing was trained");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>Regression on a time-ordered series (examples/bike-sharing) through the whole loop, driven as a user would.</summary>
public sealed class BikeSharingLoopTests
{
    [Fact]
    public async Task BikeSharing_Regression_GoesThroughTheWholeLoop()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "bike-sharing");
        await IngestAsync(dir, root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;
        Assert.Equal("regression", train.GetProperty("task").GetString());
        var candidate = train.GetProperty("candidate");
        var median = train.GetProperty("baselines").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "median");
        Assert.True(candidate.GetProperty("rmse").GetDouble() < median.GetProperty("metrics").GetProperty("rmse").GetDouble() / 2);
        Assert.True(candidate.GetProperty("r2").GetDouble() > 0.5);
        Assert.True(candidate.GetProperty("rmse_low").GetDouble() <= candidate.GetProperty("rmse").GetDouble());
        Assert.Contains("below", median.GetProperty("comparison").GetString());
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.GetProperty("gate").GetProperty("reason").GetString());
        Assert.Contains(train.GetProperty("gate").GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString()!.Contains("significant"));
        // A regression has no classes: no confusion matrix, in the JSON or on the page.
        Assert.Equal(JsonValueKind.Null, train.GetProperty("confusion").ValueKind);
        var page = AssertReport(train, root, "rmse 95% interval", "baseline: median");
        Assert.DoesNotContain("Confusion matrix", page);

        // Batch scoring goes through the same prediction service and the log.
        var test = Path.Combine(root, "data", "hour_test.csv");
        var predicted = (await CliRunner.OkAsync(dir.Root, "predict", test, "-o", dir.Path("scored.csv"), "--json", "--project", root)).Json;
        Assert.Equal(3430, predicted.GetProperty("rows").GetInt32());
        Assert.Equal("key,value,model_version", File.ReadLines(dir.Path("scored.csv")).First());
        var hours = File.ReadAllLines(test).Skip(1).Select(l => l.Split(',')).ToList();

        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            using var response = await http.PostAsync("/v1/models/bike-demand:predict", Json(
                """{"instances":[{"key":"h-1","features":{"season":3,"yr":1,"mnth":8,"hr":17,"holiday":0,"weekday":4,"workingday":1,"weathersit":1,"temp":0.7,"atemp":0.65,"hum":0.5,"windspeed":0.2}}]}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var prediction = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0];
            Assert.Equal("h-1", prediction.GetProperty("key").GetString());
            Assert.True(prediction.GetProperty("value").GetDouble() > 100);
            Assert.Equal(1, prediction.GetProperty("model_version").GetInt32());
            Assert.False(prediction.TryGetProperty("label", out _));
            Assert.False(prediction.TryGetProperty("scores", out _));

            // REST feedback for the first 500 batch-scored hours: the true counts, as numbers; text is refused.
            var truth = hours.Take(500).Select(f => $$"""{"key":"{{f[0]}}","label":{{f[^1]}}}""");
            using var feedback = await http.PostAsync("/v1/feedback", Json($$"""{"feedback":[{{string.Join(',', truth)}}]}"""));
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
            using var text = await http.PostAsync("/v1/feedback", Json("""{"feedback":[{"key":"13950","label":"many"}]}"""));
            Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        }

        // CLI feedback for the next 500, read straight from the data's own key and label columns.
        File.WriteAllLines(dir.Path("bad.csv"), ["instant,cnt", $"{hours[600][0]},many"]);
        Assert.Equal(1, (await CliRunner.RunAsync(dir.Root, "feedback", dir.Path("bad.csv"), "--key-column", "instant", "--label-column", "cnt", "--project", root)).ExitCode);
        File.WriteAllLines(dir.Path("labels.csv"), ["instant,cnt", .. hours.Skip(500).Take(500).Select(f => $"{f[0]},{f[^1]}")]);
        var stored = (await CliRunner.OkAsync(dir.Root, "feedback", dir.Path("labels.csv"), "--key-column", "instant", "--label-column", "cnt", "--json", "--project", root)).Json;
        Assert.Equal(500, stored.GetProperty("accepted").GetInt32());

        // The test hours are the last months of 2012: the calendar drifted, and so did the predicted demand.
        var monitor = (await CliRunner.OkAsync(dir.Root, "monitor", "--json", "--project", root)).Json;
        Assert.Equal(3431, monitor.GetProperty("logged").GetInt32());
        Assert.Equal(1000, monitor.GetProperty("labelled").GetInt32());
        Assert.True(monitor.GetProperty("live").GetProperty("rmse").GetDouble() > 0);
        Assert.True(monitor.GetProperty("live").GetProperty("r2").GetDouble() > 0.3);
        Assert.Equal(12, monitor.GetProperty("drift").GetProperty("features").GetArrayLength());
        AssertDrifted(monitor, "mnth");

        var retrain = await RetrainAsync(dir, root);
        Assert.True(retrain.GetProperty("metrics").GetProperty("rmse").GetDouble() > 0);
    }
}

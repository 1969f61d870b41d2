using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>Multiclass (Iris) and regression (Bike Sharing) through the whole loop, driven as a user would.</summary>
public sealed class TaskLoopTests
{
    private static string CopyExample(TempDir dir, string name)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "examples", name);
        var target = dir.Path(name);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Iris_Multiclass_TrainsServesLogsAndMonitors()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "iris");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "ingest", "test", "--project", root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;

        Assert.Equal("multiclass", train.GetProperty("task").GetString());
        Assert.Equal("macro_f1", train.GetProperty("metric").GetString());
        Assert.True(train.GetProperty("candidate").GetProperty("accuracy").GetDouble() > 0.8);
        Assert.True(train.GetProperty("candidate").TryGetProperty("macro_f1_low", out _));
        Assert.Contains(train.GetProperty("baselines").EnumerateArray(), b => b.GetProperty("name").GetString() == "majority class");
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.GetProperty("gate").GetProperty("reason").GetString());

        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            using var response = await http.PostAsync("/v1/models/iris:predict", Json(
                """{"instances":[{"key":"f-1","features":{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}},{"key":"f-2","features":{"sepal_length":6.7,"sepal_width":3.0,"petal_length":5.2,"petal_width":2.3}}]}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var predictions = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions");
            Assert.Equal("0", predictions[0].GetProperty("label").GetString());
            Assert.Equal("2", predictions[1].GetProperty("label").GetString());
            var scores = predictions[0].GetProperty("scores");
            Assert.Equal(1.0, scores.EnumerateObject().Sum(p => p.Value.GetDouble()), 6);
            Assert.False(predictions[0].TryGetProperty("value", out _));

            using var feedback = await http.PostAsync("/v1/feedback", Json("""{"feedback":[{"key":"f-1","label":0},{"key":"f-2","label":"2"}]}"""));
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
            using var wrong = await http.PostAsync("/v1/feedback", Json("""{"feedback":[{"key":"f-1","label":"7"}]}"""));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var monitor = (await CliRunner.OkAsync(dir.Root, "monitor", "--json", "--project", root)).Json;
        Assert.Equal(2, monitor.GetProperty("labelled").GetInt32());
        Assert.Equal(1.0, monitor.GetProperty("live").GetProperty("accuracy").GetDouble());
    }

    [Fact]
    public async Task BikeSharing_Regression_TrainsServesPredictsAndMonitors()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "bike-sharing");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "ingest", "test", "--project", root);

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

        // Batch scoring goes through the same prediction service and the log.
        var test = Path.Combine(root, "data", "hour_test.csv");
        var predicted = (await CliRunner.OkAsync(dir.Root, "predict", test, "-o", dir.Path("scored.csv"), "--json", "--project", root)).Json;
        Assert.Equal(3430, predicted.GetProperty("rows").GetInt32());
        var scored = File.ReadAllLines(dir.Path("scored.csv"));
        Assert.Equal("key,value,model_version", scored[0]);

        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            using var response = await http.PostAsync("/v1/models/bike-demand:predict", Json(
                """{"instances":[{"key":"h-1","features":{"season":3,"yr":1,"mnth":8,"hr":17,"holiday":0,"weekday":4,"workingday":1,"weathersit":1,"temp":0.7,"atemp":0.65,"hum":0.5,"windspeed":0.2}}]}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var prediction = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0];
            Assert.True(prediction.GetProperty("value").GetDouble() > 100);
            Assert.False(prediction.TryGetProperty("label", out _));

            // Feedback for the batch-scored hours: the true counts, as numbers.
            var truth = File.ReadAllLines(test).Skip(1).Take(500).Select(l => l.Split(',')).Select(f => $$"""{"key":"{{f[0]}}","label":{{f[^1]}}}""");
            using var feedback = await http.PostAsync("/v1/feedback", Json($$"""{"feedback":[{{string.Join(',', truth)}}]}"""));
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
            using var text = await http.PostAsync("/v1/feedback", Json("""{"feedback":[{"key":"1","label":"many"}]}"""));
            Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        }

        var monitor = (await CliRunner.OkAsync(dir.Root, "monitor", "--json", "--project", root)).Json;
        Assert.Equal(500, monitor.GetProperty("labelled").GetInt32());
        Assert.True(monitor.GetProperty("live").GetProperty("rmse").GetDouble() > 0);
        Assert.True(monitor.GetProperty("drift").GetProperty("features").GetArrayLength() >= 10);
        Assert.Equal("prediction", monitor.GetProperty("prediction_drift").GetProperty("features")[0].GetProperty("feature").GetString());
    }
}

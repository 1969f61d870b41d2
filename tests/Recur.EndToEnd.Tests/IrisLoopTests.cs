using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>Multiclass (examples/iris) through the whole loop, driven as a user would.</summary>
public sealed class IrisLoopTests
{
    private static readonly string[] Classes = ["0", "1", "2"];

    [Fact]
    public async Task Iris_Multiclass_GoesThroughTheWholeLoop()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "iris");
        await IngestAsync(dir, root);

        // Train: metrics with intervals, baselines, the confusion matrix on the 30 test flowers, the HTML page.
        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;
        Assert.Equal("multiclass", train.GetProperty("task").GetString());
        Assert.Equal("macro_f1", train.GetProperty("metric").GetString());
        Assert.True(train.GetProperty("candidate").GetProperty("accuracy").GetDouble() > 0.8);
        Assert.True(train.GetProperty("candidate").TryGetProperty("macro_f1_low", out _));
        Assert.Contains(train.GetProperty("baselines").EnumerateArray(), b => b.GetProperty("name").GetString() == "majority class");
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.GetProperty("gate").GetProperty("reason").GetString());
        AssertConfusion(train, Classes, rows: 30);
        Assert.Equal(JsonValueKind.Null, train.GetProperty("confusion").GetProperty("threshold").ValueKind);
        AssertReport(train, root, "<th>actual \\ predicted</th><th>0</th><th>1</th><th>2</th>", "Per class", "macro f1");

        var eval = (await CliRunner.OkAsync(dir.Root, "eval", "--json", "--project", root)).Json;
        AssertConfusion(eval, Classes, rows: 30);
        AssertReport(eval, root, "evaluation of version 1", "<th>actual \\ predicted</th>");
        var human = await CliRunner.OkAsync(dir.Root, "eval", "--project", root);
        Assert.Contains("rows: actual, columns: predicted", human.Stdout);

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
            Assert.Equal(Classes, scores.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(1.0, scores.EnumerateObject().Sum(p => p.Value.GetDouble()), 6);
            Assert.Equal(1, predictions[0].GetProperty("model_version").GetInt32());
            Assert.False(predictions[0].TryGetProperty("value", out _));

            using var feedback = await http.PostAsync("/v1/feedback", Json("""{"feedback":[{"key":"f-1","label":0},{"key":"f-2","label":"2"}]}"""));
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
            using var wrong = await http.PostAsync("/v1/feedback", Json("""{"feedback":[{"key":"f-1","label":"7"}]}"""));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        // A shifted stream: only virginica (class 2, the largest petals), each flower three times.
        var virginica = Directory.GetFiles(Path.Combine(root, "data"), "iris-*.txt").SelectMany(f => File.ReadAllLines(f).Skip(1))
            .Select(l => l.Split('\t')).Where(f => f[0] == "2").ToList();
        var stream = Enumerable.Repeat(virginica, 3).SelectMany(x => x).ToList();
        File.WriteAllLines(dir.Path("stream.csv"), ["sepal_length,sepal_width,petal_length,petal_width", .. stream.Select(f => string.Join(',', f[1..]))]);
        var predicted = (await CliRunner.OkAsync(dir.Root, "predict", dir.Path("stream.csv"), "-o", dir.Path("scored.csv"), "--json", "--project", root)).Json;
        Assert.Equal(stream.Count, predicted.GetProperty("rows").GetInt32());
        var scored = File.ReadAllLines(dir.Path("scored.csv"));
        Assert.Equal("key,label,score,score_0,score_1,score_2,model_version", scored[0]);
        Assert.True(scored.Skip(1).Count(l => l.Split(',')[1] == "2") > stream.Count * 0.8);

        // Feedback from the CLI: a label that is not a class refuses the file; the true classes are stored.
        File.WriteAllLines(dir.Path("bad.csv"), ["key,label", "row-1,2", "row-2,virginica"]);
        var bad = await CliRunner.RunAsync(dir.Root, "feedback", dir.Path("bad.csv"), "--json", "--project", root);
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal(0, bad.Json.GetProperty("accepted").GetInt32());
        File.WriteAllLines(dir.Path("labels.csv"), ["key,label", .. stream.Select((_, i) => $"row-{i + 1},2")]);
        var labelled = (await CliRunner.OkAsync(dir.Root, "feedback", dir.Path("labels.csv"), "--json", "--project", root)).Json;
        Assert.Equal(stream.Count, labelled.GetProperty("accepted").GetInt32());

        // Monitor: the log holds every prediction, the join every label; the petals drifted. The champion's validation
        // split has 19 rows, too few to judge the predictions (monitoring.min_rows_per_test), and the report says so.
        var monitor = (await CliRunner.OkAsync(dir.Root, "monitor", "--json", "--project", root)).Json;
        Assert.Equal(stream.Count + 2, monitor.GetProperty("logged").GetInt32());
        Assert.Equal(stream.Count + 2, monitor.GetProperty("labelled").GetInt32());
        Assert.True(monitor.GetProperty("live").GetProperty("accuracy").GetDouble() > 0.8);
        Assert.Equal(4, monitor.GetProperty("drift").GetProperty("features").GetArrayLength());
        AssertDrifted(monitor, "petal_length", predictionsJudged: false);

        await RetrainAsync(dir, root);
    }
}

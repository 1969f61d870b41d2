using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>Batch serving as a user drives it: `recur predict` on CSV, Parquet, JSON Lines and snapshots with bad rows, published results served by key, and :batchPredict.</summary>
public sealed class BatchServingTests(TrainedProject project) : IClassFixture<TrainedProject>
{
    private const string Features = AdultRequest.Features;

    private static StringContent Body(string json, string type = "application/json") => new(json, Encoding.UTF8, type);

    private static Dictionary<string, double> Scores(string csv) =>
        File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => double.Parse(f[2], CultureInfo.InvariantCulture));

    [Fact]
    public async Task Predict_FileWithBadRows_ScoresTheGoodRowsInOrderAndReportsTheBadOnesByRowAndKey()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(project.Data("test.csv"));
        var header = lines[0];
        var good = lines.Skip(1).Take(20).ToList();
        var rows = new List<string>(good);
        rows.Insert(5, good[0].Replace("p3001,31,", "bad-age,thirty,", StringComparison.Ordinal));  // data row 6
        rows.Insert(12, "short-row,40,Private");                                                   // data row 13
        File.WriteAllLines(dir.Path("mixed.csv"), [header, .. rows]);

        var run = await CliRunner.RunAsync(dir.Root, "predict", dir.Path("mixed.csv"), "-o", dir.Path("scored.csv"), "--json", "--parallel", "2", "--chunk-rows", "4", "--project", project.Root);

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("2 rows refused", run.Stderr);
        using var summary = JsonDocument.Parse(run.Stdout);
        Assert.Equal((22, 20, 2), (summary.RootElement.GetProperty("rows").GetInt32(), summary.RootElement.GetProperty("scored").GetInt32(), summary.RootElement.GetProperty("rejected").GetInt32()));
        Assert.Equal(1, summary.RootElement.GetProperty("model_version").GetInt32());
        Assert.True(summary.RootElement.GetProperty("rows_per_second").GetDouble() > 0);
        var scored = File.ReadAllLines(dir.Path("scored.csv"));
        Assert.Equal("key,label,score,model_version", scored[0]);
        Assert.Equal(good.Select(l => l.Split(',')[0]), scored.Skip(1).Select(l => l.Split(',')[0]));
        var rejects = File.ReadAllLines(dir.Path("scored.csv.rejects.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([6, 13], rejects.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(["bad-age", "short-row"], rejects.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal("age", rejects[0].GetProperty("field").GetString());
        Assert.Equal("'thirty' is not a number (integer)", rejects[0].GetProperty("error").GetString());
        Assert.Equal("the row has 3 fields; the header has 16", rejects[1].GetProperty("error").GetString());

        // Tolerated refusals exit 0; the same rows score the same as before.
        await CliRunner.OkAsync(dir.Root, "predict", dir.Path("mixed.csv"), "-o", dir.Path("again.csv"), "--max-rejects", "2", "--rejects", dir.Path("refused.jsonl"), "--project", project.Root);
        Assert.Equal(scored, File.ReadAllLines(dir.Path("again.csv")));
        Assert.Equal(2, File.ReadAllLines(dir.Path("refused.jsonl")).Length);
    }

    [Fact]
    public async Task Predict_ParquetJsonLinesAndSnapshot_ScoreTheSameRowsAsTheCsv()
    {
        using var dir = new TempDir();
        await CliRunner.OkAsync(dir.Root, "predict", project.Data("train.csv"), "-o", dir.Path("csv.csv"), "--no-log", "--project", project.Root);
        var expected = Scores(dir.Path("csv.csv"));

        // The training snapshot's own Parquet file, as a user would hand over an exported table.
        var parquet = Directory.GetFiles(Path.Combine(project.Root, ".recur"), "*.parquet", SearchOption.AllDirectories).First();
        File.Copy(parquet, dir.Path("train.parquet"));
        var fromParquet = (await CliRunner.OkAsync(dir.Root, "predict", dir.Path("train.parquet"), "-o", dir.Path("parquet.csv"), "--json", "--project", project.Root)).Json;
        Assert.Equal(3000, fromParquet.GetProperty("scored").GetInt32());
        Assert.Equal(expected, Scores(dir.Path("parquet.csv")));

        var fromSnapshot = (await CliRunner.OkAsync(dir.Root, "predict", "train", "-o", dir.Path("snapshot.csv"), "--json", "--no-log", "--project", project.Root)).Json;
        Assert.Equal(3000, fromSnapshot.GetProperty("rows").GetInt32());
        Assert.Equal(expected, Scores(dir.Path("snapshot.csv")));

        // JSON Lines in (flat rows, one bad line), JSON Lines out.
        var csv = File.ReadAllLines(project.Data("train.csv"));
        var names = csv[0].Split(',');
        var objects = csv.Skip(1).Take(30).Select(l => l.Split(',')).Select(f => JsonSerializer.Serialize(names.Zip(f).ToDictionary(p => p.First, p => p.First is "age" or "fnlwgt" ? (object)int.Parse(p.Second, CultureInfo.InvariantCulture) : p.Second))).ToList();
        objects.Insert(10, "{\"id\": \"broken\", \"age\": ");
        File.WriteAllLines(dir.Path("rows.jsonl"), objects);
        var fromLines = await CliRunner.RunAsync(dir.Root, "predict", dir.Path("rows.jsonl"), "-o", dir.Path("lines.jsonl"), "--json", "--project", project.Root);
        Assert.Equal(5, fromLines.ExitCode);
        var outputs = File.ReadAllLines(dir.Path("lines.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(30, outputs.Count);
        Assert.All(outputs, o => Assert.Equal(expected[o.GetProperty("key").GetString()!], o.GetProperty("score").GetDouble()));
        var reject = JsonDocument.Parse(File.ReadAllLines(dir.Path("lines.jsonl.rejects.jsonl")).Single()).RootElement;
        Assert.Equal(11, reject.GetProperty("index").GetInt32());
        Assert.StartsWith("not valid JSON", reject.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Publish_ThenGetByKey_ServesThePublishedResultWithItsAgeAndFallsBackToLiveWhenStale()
    {
        using var dir = new TempDir();
        var published = (await CliRunner.OkAsync(dir.Root, "predict", project.Data("test.csv"), "-o", dir.Path("scored.csv"), "--publish", "--json", "--project", project.Root)).Json;
        Assert.True(published.GetProperty("published").GetBoolean());
        var expected = Scores(dir.Path("scored.csv"));

        await using var server = await ServerProcess.StartAsync(project.Root);
        using var http = server.Client();
        var answer = await http.GetFromJsonAsync<JsonElement>("/v1/models/adult/predictions/p3001");
        Assert.Equal("published", answer.GetProperty("source").GetString());
        Assert.Equal(expected["p3001"], answer.GetProperty("score").GetDouble());
        Assert.Equal(1, answer.GetProperty("model_version").GetInt32());
        Assert.InRange(answer.GetProperty("age_seconds").GetDouble(), 0, 600);
        Assert.True(answer.TryGetProperty("published_at", out _));

        using (var missing = await http.GetAsync("/v1/models/adult/predictions/nobody"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("'nobody'", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        await Task.Delay(50);
        using (var stale = await http.GetAsync("/v1/models/adult/predictions/p3001?max_age=0.01"))
        {
            Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
            Assert.Contains("older than max_age", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        // With the features, fresh → published; stale → scored live.
        using var fresh = await http.PostAsync("/v1/models/adult/predictions/p3001", Body($$"""{"features":{{Features}}}"""));
        Assert.Equal("published", (await fresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString());
        using var live = await http.PostAsync("/v1/models/adult/predictions/p3001?max_age=0.01", Body($$"""{"features":{{Features}}}"""));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var liveAnswer = await live.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("live", liveAnswer.GetProperty("source").GetString());
        Assert.Equal("p3001", liveAnswer.GetProperty("key").GetString());
        Assert.False(liveAnswer.TryGetProperty("age_seconds", out _));
    }

    [Fact]
    public async Task BatchPredict_OneBadInstance_ScoresTheOthersAndListsIt()
    {
        await using var server = await ServerProcess.StartAsync(project.Root);
        using var http = server.Client();
        var body = $$"""{"instances":[{"key":"a","features":{{Features}}},{"key":"b","features":{{Features.Replace("\"age\":39", "\"age\":\"old\"")}}},{"key":"c","features":{{Features}}}]}""";

        using var response = await http.PostAsync("/v1/models/adult:batchPredict", Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([(0, "a"), (2, "c")], answer.GetProperty("predictions").EnumerateArray().Select(p => (p.GetProperty("index").GetInt32(), p.GetProperty("key").GetString()!)));
        var reject = Assert.Single(answer.GetProperty("rejects").EnumerateArray());
        Assert.Equal((1, "b", "instances[1].features.age"), (reject.GetProperty("index").GetInt32(), reject.GetProperty("key").GetString(), reject.GetProperty("field").GetString()));

        // The same as JSON Lines; and the single :predict still refuses the whole request.
        var ndjson = string.Join('\n', $$"""{"key":"a","features":{{Features}}}""", "not json", $$"""{"key":"c","features":{{Features}}}""");
        using var lines = await http.PostAsync("/v1/models/adult:batchPredict", Body(ndjson, "application/x-ndjson"));
        var fromLines = await lines.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, fromLines.GetProperty("predictions").GetArrayLength());
        Assert.Equal(1, fromLines.GetProperty("rejects")[0].GetProperty("index").GetInt32());
        using var single = await http.PostAsync("/v1/models/adult:predict", Body(body));
        Assert.Equal(HttpStatusCode.BadRequest, single.StatusCode);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Feedback accounting and live performance as a user drives them: serve the Adult model, predict the 1,000 held-out
/// rows over HTTP, post labels that are matched, duplicated, conflicting, for unknown keys, skewed, late and expired
/// (time driven by the labels' timestamps), drop label files into the watched folder, and read the counts and the
/// windowed performance through the CLI and REST.
/// </summary>
public sealed class LivePerformanceTests
{
    private static readonly string[] Numeric = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"];

    private const string Config = """
        name: adult
        seed: 42
        label: income
        positive: ">50K"
        key: id
        datasets:
          train:
            source: data/train.csv
        sensitive: [sex]
        monitoring:
          feedback:
            late_after: 1d
            expire_after: 30d
            skew_tolerance: 5m
            source: data/feedback/
        """;

    private static string Instance(string[] header, string[] fields)
    {
        var features = new StringBuilder();
        for (var c = 1; c < header.Length - 1; c++)
        {
            if (features.Length > 0) features.Append(',');
            features.Append(JsonSerializer.Serialize(header[c])).Append(':').Append(Numeric.Contains(header[c]) ? fields[c] : JsonSerializer.Serialize(fields[c]));
        }
        return "{\"key\":" + JsonSerializer.Serialize(fields[0]) + ",\"features\":{" + features + "}}";
    }

    private static string Label(string key, string label, DateTimeOffset at) =>
        $$"""{"key":{{JsonSerializer.Serialize(key)}},"label":{{JsonSerializer.Serialize(label)}},"timestamp":"{{at.ToString("O", CultureInfo.InvariantCulture)}}"}""";

    private static void AssertCounts(JsonElement counts, int matched, int duplicate, int conflicting, int unknown, int late, int expired, int skew)
    {
        Assert.Equal((matched, duplicate, conflicting, unknown), (counts.GetProperty("matched").GetInt32(), counts.GetProperty("duplicate").GetInt32(),
            counts.GetProperty("conflicting").GetInt32(), counts.GetProperty("unknown_key").GetInt32()));
        Assert.Equal((late, expired, skew), (counts.GetProperty("late").GetInt32(), counts.GetProperty("expired").GetInt32(), counts.GetProperty("clock_skew").GetInt32()));
    }

    [Fact]
    public async Task Feedback_EveryKindOfLabel_IsCountedAndLivePerformanceIsWindowed()
    {
        using var dir = new TempDir();
        var root = dir.Path("p");
        Directory.CreateDirectory(Path.Combine(root, "data", "feedback"));
        var adult = Path.Combine(AppContext.BaseDirectory, "data", "adult-small");
        File.Copy(Path.Combine(adult, "train.csv"), Path.Combine(root, "data", "train.csv"));
        await File.WriteAllTextAsync(Path.Combine(root, "recur.yaml"), Config);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "train", "--project", root);
        var lines = File.ReadAllLines(Path.Combine(adult, "test.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        string Key(int i) => rows[i][0];
        string Truth(int i) => rows[i][^1];
        string Other(int i) => Truth(i) == ">50K" ? "<=50K" : ">50K";

        JsonElement posted;
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            foreach (var chunk in rows.Chunk(250))
            {
                using var predict = await http.PostAsync("/v1/models/adult:predict",
                    new StringContent($$"""{"instances":[{{string.Join(',', chunk.Select(f => Instance(header, f)))}}]}""", Encoding.UTF8, "application/json"));
                Assert.True(predict.StatusCode == HttpStatusCode.OK, await predict.Content.ReadAsStringAsync());
            }
            var t = DateTimeOffset.UtcNow;
            var labels = new List<string>();
            for (var i = 0; i < 800; i++) labels.Add(Label(Key(i), Truth(i), t.AddHours(1)));      // matched
            labels.Add(Label(Key(0), Truth(0), t.AddHours(2)));                                    // duplicate
            labels.Add(Label(Key(1), Other(1), t.AddHours(2)));                                    // conflicting: the latest is used
            for (var i = 800; i < 850; i++) labels.Add(Label(Key(i), Truth(i), t.AddDays(2)));     // late
            for (var i = 850; i < 860; i++) labels.Add(Label(Key(i), Truth(i), t.AddHours(-1)));   // clock skew of about an hour
            for (var i = 860; i < 870; i++) labels.Add(Label(Key(i), Truth(i), t.AddDays(40)));    // expired
            labels.Add(Label("ghost-1", ">50K", t));                                               // unknown keys
            labels.Add(Label("ghost-2", "<=50K", t));
            using var feedback = await http.PostAsync("/v1/feedback", new StringContent($$"""{"feedback":[{{string.Join(',', labels)}}]}""", Encoding.UTF8, "application/json"));
            Assert.True(feedback.StatusCode == HttpStatusCode.OK, await feedback.Content.ReadAsStringAsync());
            posted = (await feedback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counts");
            AssertCounts(posted, matched: 860, duplicate: 1, conflicting: 1, unknown: 2, late: 50, expired: 10, skew: 10);
            Assert.InRange(posted.GetProperty("max_clock_skew_seconds").GetDouble(), 3500, 3700);

            // The watched folder: a file is ingested once, its copy under another name never again.
            var file = new StringBuilder("key,label,timestamp\n");
            for (var i = 870; i < 900; i++) file.Append(CultureInfo.InvariantCulture, $"{Key(i)},{Truth(i)},{t.AddHours(3):O}\n");
            await File.WriteAllTextAsync(Path.Combine(root, "data", "feedback", "a.csv"), file.ToString());
            var poll = await CliRunner.OkAsync(dir.Root, "feedback", "--poll", "--json", "--project", root);
            AssertCounts(poll.Json.GetProperty("counts"), matched: 30, duplicate: 0, conflicting: 0, unknown: 0, late: 0, expired: 0, skew: 0);
            File.Copy(Path.Combine(root, "data", "feedback", "a.csv"), Path.Combine(root, "data", "feedback", "b.csv"));
            var again = await CliRunner.OkAsync(dir.Root, "feedback", "--poll", "--json", "--project", root);
            Assert.Equal(["seen", "seen"], again.Json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("status").GetString()));
            Assert.Equal(0, again.Json.GetProperty("counts").GetProperty("received").GetInt32());

            // REST: the whole log as one window, and the estimate beside the realised value.
            using var all = await http.GetAsync("/v1/models/adult/performance?window=all");
            Assert.True(all.StatusCode == HttpStatusCode.OK, await all.Content.ReadAsStringAsync());
            var window = Assert.Single((await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("windows").EnumerateArray());
            Assert.Equal((1000, 890, "ok"), (window.GetProperty("rows").GetInt32(), window.GetProperty("labelled").GetInt32(), window.GetProperty("status").GetString()));
            var accuracy = window.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "accuracy");
            Assert.True(accuracy.GetProperty("low").GetDouble() <= accuracy.GetProperty("value").GetDouble() && accuracy.GetProperty("value").GetDouble() <= accuracy.GetProperty("high").GetDouble());
            var sex = Assert.Single(window.GetProperty("fairness").EnumerateArray());
            Assert.Equal(["Female", "Male"], sex.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()));
            Assert.Equal(JsonValueKind.Object, sex.GetProperty("selection_rate_gap").ValueKind);

            using var estimate = await http.GetAsync("/v1/models/adult/performance/estimate?window=all");
            Assert.True(estimate.StatusCode == HttpStatusCode.OK, await estimate.Content.ReadAsStringAsync());
            var estimated = (await estimate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("windows")[0].GetProperty("metrics").EnumerateArray()
                .Single(m => m.GetProperty("metric").GetString() == "accuracy");
            Assert.True(estimated.GetProperty("inside").GetBoolean(), estimated.ToString());

            using var badWindow = await http.GetAsync("/v1/models/adult/performance?window=fortnight");
            Assert.Equal(HttpStatusCode.BadRequest, badWindow.StatusCode);
        }

        // CLI: the report replays the whole log; blocks of 100 predictions; the last block has no labels.
        var report = await CliRunner.OkAsync(dir.Root, "feedback", "report", "--json", "--project", root);
        AssertCounts(report.Json.GetProperty("counts"), matched: 890, duplicate: 1, conflicting: 1, unknown: 2, late: 50, expired: 10, skew: 10);
        Assert.Equal((2, 1), (report.Json.GetProperty("pending_keys").GetInt32(), report.Json.GetProperty("files").GetInt32()));
        var blocks = await CliRunner.OkAsync(dir.Root, "monitor", "performance", "--window", "100", "--json", "--project", root);
        var windows = blocks.Json.GetProperty("windows").EnumerateArray().ToList();
        Assert.Equal(10, windows.Count);
        Assert.Equal(("ok", 100), (windows[0].GetProperty("status").GetString(), windows[0].GetProperty("labelled").GetInt32()));
        Assert.Equal(("ok", 90), (windows[8].GetProperty("status").GetString(), windows[8].GetProperty("labelled").GetInt32()));
        Assert.Equal(("insufficient_data", 0), (windows[9].GetProperty("status").GetString(), windows[9].GetProperty("labelled").GetInt32()));
        Assert.Empty(windows[9].GetProperty("metrics").EnumerateArray());
        var human = await CliRunner.OkAsync(dir.Root, "monitor", "estimate", "--window", "all", "--project", root);
        Assert.Contains("estimated accuracy", human.Stdout);
        var bad = await CliRunner.RunAsync(dir.Root, "monitor", "performance", "--by", "age-group", "--project", root);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--by: 'age-group'", bad.Stderr);
    }
}

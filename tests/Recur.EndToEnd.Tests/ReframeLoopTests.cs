using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Reframing (examples/bike-sharing-buckets): the bike-sharing regression trained beside its bucket framing with
/// --compare-framings, the bucket model served with its distribution and interval, then feedback and live performance.
/// </summary>
public sealed class ReframeLoopTests
{
    [Fact]
    public async Task BikeBuckets_CompareFramings_ServesDistributionAndIntervalAndMonitors()
    {
        using var dir = new TempDir();
        CopyExample(dir, "bike-sharing");
        var root = CopyExample(dir, "bike-sharing-buckets");
        // Fewer boosting rounds than the example's, so the ten-class bucket model fits in time on a busy machine.
        var yaml = Path.Combine(root, "recur.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("iterations: 80 ", "iterations: 30 ", StringComparison.Ordinal));

        // Bad input is refused before anything is read, naming the key and its line.
        var bad = Path.Combine(dir.Root, "bad");
        Directory.CreateDirectory(bad);
        File.WriteAllText(Path.Combine(bad, "recur.yaml"), File.ReadAllText(Path.Combine(root, "recur.yaml")).Replace("buckets: 10", "edges: [100, 50]", StringComparison.Ordinal));
        var refused = await CliRunner.RunAsync(dir.Root, "train", "--compare-framings", "--project", bad);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("framing.reframe.edges must be strictly increasing", refused.Stderr);
        Assert.Matches("line 3[0-9]", refused.Stderr);

        await IngestAsync(dir, root);
        var train = (await CliRunner.OkAsync(dir.Root, "train", "--compare-framings", "--json", "--project", root)).Json;
        Assert.Equal(["plain", "buckets"], train.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("framing").GetString()));
        Assert.Contains("preferred by recur.yaml", train.GetProperty("chosen_because").GetString());
        var framings = train.GetProperty("framings");
        Assert.Equal(3430, framings.GetProperty("measured_rows").GetInt32());
        Assert.Equal(0.9, framings.GetProperty("level").GetDouble());
        var compared = framings.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["plain", "buckets"], compared.Select(c => c.GetProperty("framing").GetString()));
        Assert.StartsWith("split-conformal", compared[0].GetProperty("interval").GetProperty("method").GetString());
        Assert.StartsWith("the model's own", compared[1].GetProperty("interval").GetProperty("method").GetString());
        foreach (var c in compared)
        {
            var interval = c.GetProperty("interval");
            var coverage = interval.GetProperty("coverage").GetDouble();
            Assert.InRange(coverage, interval.GetProperty("coverage_low").GetDouble(), interval.GetProperty("coverage_high").GetDouble());
            Assert.InRange(coverage, 0.5, 1.0);
            Assert.True(interval.GetProperty("mean_width").GetDouble() > 0);
            var metrics = c.GetProperty("metrics");
            Assert.True(metrics.GetProperty("mae_low").GetDouble() <= metrics.GetProperty("mae").GetDouble());
            Assert.True(metrics.GetProperty("rmse").GetDouble() > 0);
        }
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.GetProperty("gate").GetProperty("reason").GetString());
        Assert.Equal("buckets(lightgbm)", train.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("chosen").GetBoolean()).GetProperty("trainer").GetString());
        Assert.Equal(1, train.GetProperty("registered").GetProperty("version").GetInt32());

        var test = Path.Combine(dir.Root, "bike-sharing", "data", "hour_test.csv");
        var hours = File.ReadAllLines(test).Skip(1).Select(l => l.Split(',')).ToList();
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            using var response = await http.PostAsync("/v1/models/bike-buckets:predict", Json(
                """{"instances":[{"key":"h-1","features":{"season":3,"yr":1,"mnth":8,"hr":17,"holiday":0,"weekday":4,"workingday":1,"weathersit":1,"temp":0.7,"atemp":0.65,"hum":0.5,"windspeed":0.2}}]}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var prediction = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0];
            var value = prediction.GetProperty("value").GetDouble();
            Assert.True(value > 100, $"a summer weekday at 5 pm is busy: {value}");
            var interval = prediction.GetProperty("interval");
            Assert.InRange(value, interval.GetProperty("low").GetDouble(), interval.GetProperty("high").GetDouble());
            Assert.Equal(0.9, interval.GetProperty("level").GetDouble());
            var distribution = prediction.GetProperty("distribution").EnumerateObject().ToList();
            Assert.Equal(10, distribution.Count);
            Assert.Equal(1.0, distribution.Sum(p => p.Value.GetDouble()), 6);
            Assert.StartsWith("< ", distribution[0].Name);
            Assert.StartsWith(">= ", distribution[^1].Name);
        }

        // The served value is logged like any regression's: batch predictions, then labels, then live performance.
        await CliRunner.OkAsync(dir.Root, "predict", test, "-o", dir.Path("scored.csv"), "--json", "--project", root);
        File.WriteAllLines(dir.Path("labels.csv"), ["instant,cnt", .. hours.Take(1000).Select(f => $"{f[0]},{f[^1]}")]);
        var stored = (await CliRunner.OkAsync(dir.Root, "feedback", dir.Path("labels.csv"), "--key-column", "instant", "--label-column", "cnt", "--json", "--project", root)).Json;
        Assert.Equal(1000, stored.GetProperty("accepted").GetInt32());
        var live = (await CliRunner.OkAsync(dir.Root, "monitor", "performance", "--window", "all", "--json", "--project", root)).Json;
        var window = live.GetProperty("windows").EnumerateArray().Single();
        Assert.Equal(("ok", 1000), (window.GetProperty("status").GetString(), window.GetProperty("labelled").GetInt32()));
        Assert.Contains(window.GetProperty("metrics").EnumerateArray(), m => m.GetProperty("name").GetString() == "rmse" && m.GetProperty("value").GetDouble() > 0);
    }
}

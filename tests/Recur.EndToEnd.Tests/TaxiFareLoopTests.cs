using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Regression (examples/taxi-fare, its own recur.yaml on a small sample of its data, see tests/data/taxi-fare-small)
/// through the whole loop, driven as a user would.
/// </summary>
public sealed class TaxiFareLoopTests
{
    [Fact]
    public async Task TaxiFare_Regression_GoesThroughTheWholeLoop()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "taxi-fare");
        foreach (var file in new[] { "taxi-fare-train.csv", "taxi-fare-test.csv" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "taxi-fare-small", file), Path.Combine(root, "data", file), overwrite: true);
        }
        await IngestAsync(dir, root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;
        Assert.Equal("regression", train.GetProperty("task").GetString());
        Assert.Equal("rmse", train.GetProperty("metric").GetString());
        Assert.Equal(2000, train.GetProperty("evaluation_rows").GetInt32());
        var candidate = train.GetProperty("candidate");
        var median = train.GetProperty("baselines").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "median");
        Assert.True(candidate.GetProperty("rmse").GetDouble() < median.GetProperty("metrics").GetProperty("rmse").GetDouble() / 2);
        Assert.True(candidate.GetProperty("r2").GetDouble() > 0.7);
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.GetProperty("gate").GetProperty("reason").GetString());
        AssertReport(train, root, "taxi-fare: training run, version 1", "baseline: one rule");

        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            // No trip_time_in_secs: it is only known after the ride, and recur.yaml excludes it (leakage).
            using var response = await http.PostAsync("/v1/models/taxi-fare:predict", Json(
                """{"instances":[{"key":"t-1","features":{"vendor_id":"CMT","rate_code":1,"passenger_count":1,"trip_distance":3.8,"payment_type":"CRD"}}]}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var prediction = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0];
            Assert.Equal("t-1", prediction.GetProperty("key").GetString());
            Assert.InRange(prediction.GetProperty("value").GetDouble(), 10, 25);
            Assert.False(prediction.TryGetProperty("label", out _));
            using var leaky = await http.PostAsync("/v1/models/taxi-fare:predict", Json(
                """{"instances":[{"key":"t-2","features":{"vendor_id":"CMT","rate_code":1,"passenger_count":1,"trip_time_in_secs":1271,"trip_distance":3.8,"payment_type":"CRD"}}]}"""));
            Assert.Equal(HttpStatusCode.BadRequest, leaky.StatusCode);

            using var feedback = await http.PostAsync("/v1/feedback", Json("""{"feedback":[{"key":"t-1","label":17.5}]}"""));
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
            using var text = await http.PostAsync("/v1/feedback", Json("""{"feedback":[{"key":"t-1","label":"seventeen"}]}"""));
            Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        }

        // A shifted stream: only the long trips (over 5 miles) of the test sample.
        var lines = File.ReadAllLines(Path.Combine(root, "data", "taxi-fare-test.csv"));
        var header = lines[0].Split(',');
        var (distance, fare) = (Array.IndexOf(header, "trip_distance"), Array.IndexOf(header, "fare_amount"));
        var trips = lines.Skip(1).Select(l => l.Split(',')).Where(f => double.Parse(f[distance], CultureInfo.InvariantCulture) > 5).ToList();
        File.WriteAllLines(dir.Path("stream.csv"), [lines[0], .. trips.Select(f => string.Join(',', f))]);
        var predicted = (await CliRunner.OkAsync(dir.Root, "predict", dir.Path("stream.csv"), "-o", dir.Path("scored.csv"), "--json", "--project", root)).Json;
        Assert.Equal(trips.Count, predicted.GetProperty("rows").GetInt32());
        Assert.Equal("key,value,model_version", File.ReadLines(dir.Path("scored.csv")).First());

        File.WriteAllLines(dir.Path("bad.csv"), ["key,label", "row-1,12.5", "row-2,n/a"]);
        Assert.Equal(1, (await CliRunner.RunAsync(dir.Root, "feedback", dir.Path("bad.csv"), "--project", root)).ExitCode);
        File.WriteAllLines(dir.Path("labels.csv"), ["key,label", .. trips.Select((f, i) => $"row-{i + 1},{f[fare]}")]);
        var stored = (await CliRunner.OkAsync(dir.Root, "feedback", dir.Path("labels.csv"), "--json", "--project", root)).Json;
        Assert.Equal(trips.Count, stored.GetProperty("accepted").GetInt32());

        var monitor = (await CliRunner.OkAsync(dir.Root, "monitor", "--json", "--project", root)).Json;
        Assert.Equal(trips.Count + 1, monitor.GetProperty("logged").GetInt32());
        Assert.Equal(trips.Count + 1, monitor.GetProperty("labelled").GetInt32());
        Assert.True(monitor.GetProperty("live").GetProperty("mae").GetDouble() > 0);
        Assert.Equal(5, monitor.GetProperty("drift").GetProperty("features").GetArrayLength());
        AssertDrifted(monitor, "trip_distance");

        await RetrainAsync(dir, root);
    }
}

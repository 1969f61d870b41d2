using System.Globalization;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// `recur monitor` over the event log on the small Adult data: a second run reads only the new events (the speed view
/// on top of the checkpoint), a replay of the whole log gives the same bytes, and --report draws the windows.
/// </summary>
public sealed class KappaMonitoringTests(TrainedProject project) : IClassFixture<TrainedProject>
{
    private Task<CliResult> Ok(params string[] args) => CliRunner.OkAsync(project.Root, [.. args, "--project", project.Root]);

    [Fact]
    public async Task Monitor_IncrementalRunsThenReplayFromStart_GiveIdenticalWindowsAndAReport()
    {
        var config = Path.Combine(project.Root, "recur.yaml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("monitoring:\n", "monitoring:\n  window: 200 predictions\n", StringComparison.Ordinal));
        var lines = File.ReadAllLines(project.Data("test.csv"));
        File.WriteAllLines(project.Data("first.csv"), [lines[0], .. lines.Skip(1).Take(500)]);
        File.WriteAllLines(project.Data("second.csv"), [lines[0], .. lines.Skip(501)]);
        string Labels(IEnumerable<string> rows) => string.Join('\n', ["key,label", .. rows.Select(l => l.Split(',')).Select(f => $"{f[0]},{f[^1]}")]);

        await Ok("predict", project.Data("first.csv"), "--output", project.Data("first-scored.csv"));
        File.WriteAllText(project.Data("labels-1.csv"), Labels(lines.Skip(1).Take(300)));
        await Ok("feedback", project.Data("labels-1.csv"));
        var first = (await Ok("monitor", "--json")).Json.GetProperty("monitoring");
        Assert.Equal("no checkpoint yet", first.GetProperty("rebuilt").GetString());
        Assert.Equal(500, first.GetProperty("speed").GetProperty("predictions").GetInt64());
        Assert.Equal(300, first.GetProperty("cumulative").GetProperty("labelled").GetInt64());

        await Ok("predict", project.Data("second.csv"), "--output", project.Data("second-scored.csv"));
        File.WriteAllText(project.Data("labels-2.csv"), Labels([.. lines.Skip(301).Take(100), .. lines.Skip(501).Take(200)]));
        await Ok("feedback", project.Data("labels-2.csv"));
        var second = (await Ok("monitor", "--json")).Json.GetProperty("monitoring");

        // The second run read only what came after the checkpoint: 500 predictions, 300 new labels.
        Assert.Equal(JsonValueKind.Null, second.GetProperty("rebuilt").ValueKind);
        Assert.Equal(first.GetProperty("through").GetProperty("prediction").GetInt64(), second.GetProperty("batch").GetProperty("prediction").GetInt64());
        Assert.Equal(500, second.GetProperty("speed").GetProperty("predictions").GetInt64());
        Assert.Equal(300, second.GetProperty("speed").GetProperty("labelled").GetInt64());
        var cumulative = second.GetProperty("cumulative");
        Assert.Equal(1000, cumulative.GetProperty("predictions").GetInt64());
        Assert.Equal(600, cumulative.GetProperty("labelled").GetInt64());
        Assert.Equal(5, second.GetProperty("windows").GetArrayLength());
        var views = second.GetProperty("views").EnumerateArray().ToList();
        Assert.Equal(500, views.Sum(v => v.GetProperty("batch_predictions").GetInt64()));
        Assert.Equal(500, views.Sum(v => v.GetProperty("speed_predictions").GetInt64()));
        var accuracy = cumulative.GetProperty("live")[0].GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "accuracy");
        Assert.InRange(accuracy.GetProperty("value").GetDouble(), accuracy.GetProperty("low").GetDouble(), accuracy.GetProperty("high").GetDouble());

        // Kappa: the log alone gives the same bytes.
        var replay = (await Ok("monitor", "--replay", "start", "--json")).Json.GetProperty("monitoring");
        Assert.Equal("replay", replay.GetProperty("mode").GetString());
        Assert.Equal(1000, replay.GetProperty("speed").GetProperty("predictions").GetInt64());
        Assert.Equal(JsonSerializer.Serialize(second.GetProperty("windows")), JsonSerializer.Serialize(replay.GetProperty("windows")));
        Assert.Equal(JsonSerializer.Serialize(cumulative), JsonSerializer.Serialize(replay.GetProperty("cumulative")));

        // Nothing new: the lambda view is the batch view alone.
        var view = (await Ok("monitor", "--no-checkpoint", "--report", "--json")).Json.GetProperty("monitoring");
        Assert.Equal(0, view.GetProperty("speed").GetProperty("predictions").GetInt64());
        Assert.Equal(JsonSerializer.Serialize(cumulative), JsonSerializer.Serialize(view.GetProperty("cumulative")));

        var html = File.ReadAllText(view.GetProperty("report").GetString()!);
        Assert.Contains("id=\"live-accuracy\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"drift-age\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"drift-prediction\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"feedback\"", html, StringComparison.Ordinal);
        var window0 = second.GetProperty("windows")[0];
        var firstAccuracy = window0.GetProperty("live")[0].GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "accuracy").GetProperty("value").GetDouble();
        Assert.Contains($"data-value=\"{firstAccuracy.ToString("R", CultureInfo.InvariantCulture)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-value=\"{window0.GetProperty("labelled").GetInt64()}\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"band\"", html, StringComparison.Ordinal);
    }
}

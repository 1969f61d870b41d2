using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary><c>recur backtest</c> on the bike-sharing example: rolling-origin folds over the time-ordered hours.</summary>
public sealed class BacktestCliTests
{
    [Fact]
    public async Task Backtest_BikeSharing_FoldsAreTimeOrderedWithIntervalsAndAChart()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "bike-sharing");
        // Fewer boosting rounds keep four refits quick; the folds and the metrics are what is tested.
        var yaml = Path.Combine(root, "recur.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("iterations: 300", "iterations: 60", StringComparison.Ordinal));
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);

        var backtest = (await CliRunner.OkAsync(dir.Root, "backtest", "--folds", "4", "--json", "--project", root)).Json;

        Assert.Equal("rmse", backtest.GetProperty("metric").GetString());
        Assert.Equal("expanding", backtest.GetProperty("window").GetString());
        Assert.Equal("instant", backtest.GetProperty("time").GetString());
        var folds = backtest.GetProperty("folds").EnumerateArray().ToList();
        Assert.Equal(4, folds.Count);
        static double Time(JsonElement fold, string part, string end) => double.Parse(fold.GetProperty(part).GetProperty(end).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < folds.Count; i++)
        {
            var fold = folds[i];
            // Every fold trains strictly before it tests, in row positions and in time.
            Assert.True(fold.GetProperty("train").GetProperty("end").GetInt32() <= fold.GetProperty("test").GetProperty("start").GetInt32());
            Assert.True(Time(fold, "train", "to") < Time(fold, "test", "from"), fold.ToString());
            if (i > 0)
            {
                // The test windows follow one another without overlapping, and the expanding training set grows.
                Assert.Equal(folds[i - 1].GetProperty("test").GetProperty("end").GetInt32(), fold.GetProperty("test").GetProperty("start").GetInt32());
                Assert.True(Time(folds[i - 1], "test", "to") < Time(fold, "test", "from"));
                Assert.True(fold.GetProperty("train").GetProperty("rows").GetInt32() > folds[i - 1].GetProperty("train").GetProperty("rows").GetInt32());
            }
            var metrics = fold.GetProperty("metrics");
            var rmse = metrics.GetProperty("rmse").GetDouble();
            Assert.InRange(rmse, metrics.GetProperty("rmse_low").GetDouble(), metrics.GetProperty("rmse_high").GetDouble());
        }
        var summary = backtest.GetProperty("summary");
        Assert.Equal(folds.Average(f => f.GetProperty("metrics").GetProperty("rmse").GetDouble()), summary.GetProperty("mean").GetDouble(), 6);
        Assert.True(summary.GetProperty("std_dev").GetDouble() > 0);
        // Averaged over the folds the model beats the best heuristic (fold 2, the first hours of 2012, is the hard one: yr = 1 is new).
        Assert.True(summary.GetProperty("mean").GetDouble() < summary.GetProperty("baseline_mean").GetDouble(), summary.ToString());
        var html = AssertReport(backtest, root, "<svg", "rmse per fold", "best baseline");
        Assert.EndsWith("backtest.html", backtest.GetProperty("report").GetString());
        Assert.Contains("<polyline", html);

        // Nothing was registered.
        var models = (await CliRunner.OkAsync(dir.Root, "models", "list", "--json", "--project", root)).Json;
        Assert.Equal(0, models.GetProperty("versions").GetArrayLength());

        var bad = await CliRunner.RunAsync(dir.Root, "backtest", "--window", "weekly", "--project", root);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--window: 'weekly' is not a window kind (one of: expanding, sliding)", bad.Stderr);

        var tooMany = await CliRunner.RunAsync(dir.Root, "backtest", "--folds", "20", "--project", root);
        Assert.Equal(1, tooMany.ExitCode);
        Assert.Contains("too few rows for the folds", tooMany.Stderr);

        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("    gap: 0", "    gap: 0\n    time: when", StringComparison.Ordinal));
        var noTime = await CliRunner.RunAsync(dir.Root, "backtest", "--project", root);
        Assert.Equal(1, noTime.ExitCode);
        Assert.Contains("evaluation.backtest.time: no column named 'when'", noTime.Stderr);
    }
}

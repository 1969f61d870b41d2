using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>Learning curves and the progress chart on the German credit example (UCI Statlog, 1,000 applicants), through the built CLI.</summary>
public sealed class LearningCurveCliTests
{
    [Fact]
    public async Task LearningCurve_GermanCredit_PointsGrowWithIntervalsAndADiagnosis()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "german-credit");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);

        // Bad input: a clear one-line error before any fitting.
        var decreasing = await CliRunner.RunAsync(dir.Root, "learning-curve", "--fractions", "0.5,0.2", "--project", root);
        Assert.Equal(1, decreasing.ExitCode);
        Assert.Contains("--fractions: fractions must increase, but 0.2 follows 0.5", decreasing.Stderr);
        var outside = await CliRunner.RunAsync(dir.Root, "learning-curve", "--fractions", "0.5,1.5", "--project", root);
        Assert.Contains("--fractions: fraction 1.5 is outside (0, 1]", outside.Stderr);
        var tiny = await CliRunner.RunAsync(dir.Root, "learning-curve", "--fractions", "0.01,1", "--project", root);
        Assert.Equal(1, tiny.ExitCode);
        Assert.Contains("fewer than the 20 lightgbm needs", tiny.Stderr);
        var trainer = await CliRunner.RunAsync(dir.Root, "learning-curve", "--trainer", "nope", "--project", root);
        Assert.Contains("--trainer: 'nope' is not a trainer", trainer.Stderr);

        var curve = (await CliRunner.OkAsync(dir.Root, "learning-curve", "--fractions", "0.25,0.5,1", "--json", "--project", root)).Json;
        Assert.Equal("auc", curve.GetProperty("metric").GetString());
        Assert.Equal("lightgbm", curve.GetProperty("trainer").GetString());
        var points = curve.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([0.25, 0.5, 1.0], points.Select(p => p.GetProperty("fraction").GetDouble()));
        var rows = points.Select(p => p.GetProperty("rows").GetInt32()).ToList();
        Assert.Equal(rows.Order(), rows);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        foreach (var p in points)
        {
            Assert.InRange(p.GetProperty("validation").GetDouble(), p.GetProperty("validation_low").GetDouble(), p.GetProperty("validation_high").GetDouble());
            Assert.InRange(p.GetProperty("train").GetDouble(), p.GetProperty("train_low").GetDouble(), p.GetProperty("train_high").GetDouble());
            Assert.True(p.GetProperty("validation_high").GetDouble() > p.GetProperty("validation_low").GetDouble());
            Assert.True(p.GetProperty("fit_seconds").GetDouble() > 0);
        }
        var diagnosis = curve.GetProperty("diagnosis").EnumerateArray().ToList();
        Assert.Equal(2, diagnosis.Count);
        Assert.All(diagnosis, d => Assert.Contains(d.GetProperty("verdict").GetString(), new[] { "over-fitting", "gap closing", "under-fitting", "good fit", "more data would help", "more data would not help", "cannot tell" }));
        // Each sentence quotes the numbers it rests on: the full-size validation value.
        Assert.Contains(points[^1].GetProperty("validation").GetDouble().ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), diagnosis[0].GetProperty("sentence").GetString());
        var html = AssertReport(curve, root, "Learning curve", "<svg", "validation auc", "training rows");
        Assert.Contains("<polygon", html);

        // recur.yaml's fractions are checked when it loads, naming the line.
        File.AppendAllText(Path.Combine(root, "recur.yaml"), "\nevaluation:\n  learning_curve:\n    enabled: true\n    fractions: [0.5, 0.3]\n");
        var bad = await CliRunner.RunAsync(dir.Root, "train", "--project", root);
        Assert.Equal(1, bad.ExitCode);
        Assert.Matches(@"recur\.yaml: line \d+, column \d+: evaluation\.learning_curve\.fractions: fractions must increase", bad.Stderr);

        // A subset too small for the trainer stops recur train before any fitting, naming the key's line; nothing is registered.
        var yaml = Path.Combine(root, "recur.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("fractions: [0.5, 0.3]", "fractions: [0.01, 1]", StringComparison.Ordinal));
        var small = await CliRunner.RunAsync(dir.Root, "train", "--project", root);
        Assert.Equal(1, small.ExitCode);
        Assert.Matches(@"recur\.yaml: line \d+, column \d+: evaluation\.learning_curve\.fractions: fraction 0\.01 of \d+ training rows is \d+ rows, fewer than the 20 lightgbm needs", small.Stderr);
        Assert.DoesNotContain("candidate", small.Stdout);
        var models = await CliRunner.RunAsync(dir.Root, "models", "list", "--json", "--project", root);
        Assert.DoesNotContain("\"version\": 1", models.Stdout);
    }

    [Fact]
    public async Task Progress_TwoTrainsWithAConfigChange_TwoPointsThePromotionMarked()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "german-credit");
        var yaml = Path.Combine(root, "recur.yaml");
        File.AppendAllText(yaml, "\nevaluation:\n  learning_curve:\n    enabled: true\n    fractions: [0.25, 0.5, 1]\n");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);

        var first = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;
        var curve = first.GetProperty("learning_curve");
        Assert.Equal(3, curve.GetProperty("points").GetArrayLength());
        Assert.NotEmpty(curve.GetProperty("diagnosis").EnumerateArray());
        AssertReport(first, root, "Learning curve", "Progress", "<svg");

        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("leaves: 8", "leaves: 4", StringComparison.Ordinal));
        var second = await CliRunner.RunAsync(dir.Root, "train", "--json", "--project", root);
        Assert.True(second.ExitCode is 0 or 3, second.Stderr);
        var secondPromoted = second.Json.GetProperty("gate").GetProperty("promote").GetBoolean();

        var progress = (await CliRunner.OkAsync(dir.Root, "progress", "--json", "--project", root)).Json;
        Assert.Equal("auc", progress.GetProperty("metric").GetString());
        var points = progress.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(2, points.Count);
        Assert.All(points, p => Assert.Equal("train", p.GetProperty("kind").GetString()));
        Assert.Equal([1, 2], points.Select(p => p.GetProperty("version").GetInt32()));
        Assert.Equal([true, secondPromoted], points.Select(p => p.GetProperty("promoted").GetBoolean()));
        Assert.Equal(first.GetProperty("candidate").GetProperty("auc").GetDouble(), points[0].GetProperty("value").GetDouble(), 10);
        Assert.All(points, p => Assert.True(p.GetProperty("low").GetDouble() < p.GetProperty("high").GetDouble()));
        Assert.True(points[1].GetProperty("days").GetDouble() > points[0].GetProperty("days").GetDouble());
        var html = AssertReport(progress, root, "Progress", "<svg", "v1", "promoted");
        Assert.Contains(points[0].GetProperty("run").GetString()!, html);

        var unknown = await CliRunner.RunAsync(dir.Root, "progress", "--metric", "rmse", "--project", root);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--metric: no run of 'german-credit' measured 'rmse'", unknown.Stderr);
    }
}

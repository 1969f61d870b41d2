using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// <c>sensitive:</c> in recur.yaml: <c>recur train</c> measures the candidate per group of race and sex (race is
/// not a model input) on the evaluation rows, reports the lens in its JSON and HTML, and the
/// <c>promotion.fairness</c> gates are gate checks like the others.
/// </summary>
public sealed class FairnessTrainTests
{
    private const string Fairness = """

        sensitive: [race, sex]
        fairness:
          intersections: true
          resamples: 200

        promotion:
          fairness:
            max_equalized_odds_gap: 0.9
            min_four_fifths_ratio: 0.8

        """;

    [Fact]
    public async Task Train_SensitiveColumnsAndFairnessGates_LensInJsonAndGateChecksReported()
    {
        using var dir = new TempDir();
        var root = TaskLoop.CopyExample(dir, "compas-recidivism");
        File.AppendAllText(Path.Combine(root, "recur.yaml"), Fairness.ReplaceLineEndings("\n"));
        await TaskLoop.IngestAsync(dir, root);

        var result = await CliRunner.RunAsync(dir.Root, "train", "--json", "--project", root);

        var train = result.Json;
        var lens = train.GetProperty("fairness");
        Assert.Equal(1445, lens.GetProperty("rows").GetInt32());
        var names = lens.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal(["race", "sex", "race & sex"], names);
        var race = lens.GetProperty("attributes")[0];
        var groups = race.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(1445, groups.Sum(g => g.GetProperty("count").GetInt32()));
        Assert.Contains(groups, g => g.GetProperty("name").GetString() == "African-American");
        // Scores come with the model, so calibration is measured too.
        Assert.Equal(JsonValueKind.Number, groups[0].GetProperty("metrics").GetProperty("calibration").GetProperty("value").ValueKind);

        var checks = train.GetProperty("gate").GetProperty("checks").EnumerateArray().ToList();
        var eo = Assert.Single(checks, c => c.GetProperty("name").GetString() == "equalized odds gap by race <= 0.9");
        Assert.True(eo.GetProperty("passed").GetBoolean());
        var ff = Assert.Single(checks, c => c.GetProperty("name").GetString() == "four-fifths ratio by race >= 0.8");
        var ratio = race.GetProperty("four_fifths").GetProperty("ratio").GetProperty("value").GetDouble();
        Assert.Equal(ratio >= 0.8, ff.GetProperty("passed").GetBoolean());
        Assert.Contains(checks, c => c.GetProperty("name").GetString() == "four-fifths ratio by race & sex >= 0.8");
        // The gate decides the exit code: 0 promoted, 3 rejected.
        Assert.Equal(train.GetProperty("gate").GetProperty("promote").GetBoolean() ? 0 : 3, result.ExitCode);
        TaskLoop.AssertReport(train, root, "Fairness lens", "Fairness by race");
    }

    [Theory]
    [InlineData("promotion:\n  fairness:\n    min_four_fifths_ratio: 0.8\n", "promotion.fairness: the fairness gates need sensitive columns")]
    [InlineData("sensitive: [race]\npromotion:\n  fairness:\n    max_equalized_odds_gap: 1.5\n", "promotion.fairness.max_equalized_odds_gap must be in [0, 1], not 1.5")]
    [InlineData("sensitive: [ethnicity]\n", "sensitive: no column 'ethnicity' in the data")]
    public async Task Train_BadFairnessSettings_ExitsOneNamingTheKey(string yaml, string expected)
    {
        using var dir = new TempDir();
        var root = TaskLoop.CopyExample(dir, "compas-recidivism");
        File.AppendAllText(Path.Combine(root, "recur.yaml"), "\n" + yaml);
        await CliRunner.RunAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.RunAsync(dir.Root, "ingest", "test", "--project", root);

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("recur.yaml: line ", result.Stderr, StringComparison.Ordinal);
    }
}

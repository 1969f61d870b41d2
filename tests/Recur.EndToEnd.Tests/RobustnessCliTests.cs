using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>Boundary tests on the sentiment example (free text): measured by recur train, gated, and by recur robustness.</summary>
public sealed class RobustnessCliTests
{
    [Fact]
    public async Task Train_Sentiment_ReportsRobustnessAndAStrictGateRejects()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "sentiment");
        // A gate no model with a single flipped near-boundary row can pass.
        File.AppendAllText(Path.Combine(root, "recur.yaml"), "\npromotion:\n  min_robustness: 1.0\n");
        await IngestAsync(dir, root);

        var run = await CliRunner.RunAsync(dir.Root, "train", "--json", "--project", root);
        Assert.Equal(3, run.ExitCode);
        var train = run.Json;
        var robustness = train.GetProperty("robustness");
        Assert.True(robustness.GetProperty("measured").GetBoolean());
        var score = robustness.GetProperty("score").GetDouble();
        Assert.InRange(score, 0, 1);
        Assert.InRange(score, robustness.GetProperty("low").GetDouble(), robustness.GetProperty("high").GetDouble());
        Assert.True(robustness.GetProperty("tested").GetInt32() > 0);
        var kinds = robustness.GetProperty("kinds").EnumerateArray().ToList();
        Assert.Equal(["numeric_nudge", "irrelevant_field", "filler_word"], kinds.Select(k => k.GetProperty("kind").GetString()));
        var words = kinds.Single(k => k.GetProperty("kind").GetString() == "filler_word");
        Assert.Equal(["sentence"], words.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.True(words.GetProperty("flips").GetInt32() > 0, words.ToString());
        Assert.NotEmpty(words.GetProperty("examples").EnumerateArray());

        var gate = train.GetProperty("gate");
        Assert.False(gate.GetProperty("promote").GetBoolean());
        var check = gate.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "robustness >= 1");
        Assert.False(check.GetProperty("passed").GetBoolean());
        Assert.Contains("robustness >= 1 failed", gate.GetProperty("reason").GetString());
        AssertReport(train, root, "Robustness near the decision boundary", "filler word");

        // The registered challenger's robustness on the same rows: the same score.
        var measured = (await CliRunner.OkAsync(dir.Root, "robustness", "--version", "1", "--json", "--project", root)).Json;
        Assert.Equal(score, measured.GetProperty("robustness").GetProperty("score").GetDouble(), 10);

        var bad = await CliRunner.RunAsync(dir.Root, "robustness", "--version", "9", "--project", root);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("no version 9", bad.Stderr);

        var yaml = Path.Combine(root, "recur.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("min_robustness: 1.0", "min_robustness: 90", StringComparison.Ordinal));
        var wrong = await CliRunner.RunAsync(dir.Root, "robustness", "--project", root);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("promotion.min_robustness must be a share in [0, 1]", wrong.Stderr);
    }
}

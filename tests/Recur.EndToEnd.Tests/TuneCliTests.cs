using System.Globalization;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// examples/adult-tuning: <c>recur tune</c> searches LightGBM's parameters on the training split's own fold, a rerun resumes every
/// trial from the journal, and <c>recur train</c> refits the best as the "tuned" candidate and registers the winner.
/// </summary>
public sealed class TuneCliTests
{
    private const int Trials = 6;

    [Fact]
    public async Task Tune_ThenRerun_ThenTrain_ResumesEveryTrialAndTrainsTheTunedCandidate()
    {
        using var dir = new TempDir();
        var root = TaskLoop.CopyExample(dir, "adult-tuning");
        // recur train runs the study of recur.yaml's budget: the same as the tune's below, so it has nothing left to run.
        var yaml = Path.Combine(root, "recur.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("trials: 20 ", $"trials: {Trials} ", StringComparison.Ordinal));
        await TaskLoop.IngestAsync(dir, root);
        var trials = Trials.ToString(CultureInfo.InvariantCulture);

        var first = (await CliRunner.OkAsync(dir.Root, "tune", "--json", "--trials", trials, "--parallel", "2", "--project", root)).Json;

        Assert.Equal(0, first.GetProperty("resumed").GetInt32());
        Assert.Equal("auc", first.GetProperty("metric").GetString());
        var list = first.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(Trials, list.Count);
        Assert.Equal(Enumerable.Range(0, Trials), list.Select(t => t.GetProperty("number").GetInt32()).Order());
        foreach (var t in list)
        {
            var parameters = t.GetProperty("parameters");
            Assert.Equal(["feature_fraction", "iterations", "learning_rate", "leaves", "min_rows_per_leaf"], parameters.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Contains(t.GetProperty("state").GetString(), new[] { "complete", "pruned" });
            Assert.NotEmpty(t.GetProperty("intermediate").EnumerateArray());
        }
        var best = first.GetProperty("best");
        var complete = list.Where(t => t.GetProperty("state").GetString() == "complete").ToList();
        Assert.Equal(complete.Max(t => t.GetProperty("value").GetDouble()), best.GetProperty("value").GetDouble());
        Assert.InRange(best.GetProperty("value").GetDouble(), 0.8, 1);
        Assert.True(best.GetProperty("low").GetDouble() <= best.GetProperty("value").GetDouble());
        Assert.True(first.GetProperty("trials_per_minute").GetDouble() > 0);
        var study = first.GetProperty("study").GetString()!;
        Assert.True(File.Exists(Path.Combine(root, ".recur", "tune", study, "trials.jsonl")));

        var again = (await CliRunner.OkAsync(dir.Root, "tune", "--json", "--trials", trials, "--parallel", "2", "--project", root)).Json;

        Assert.Equal(study, again.GetProperty("study").GetString());
        Assert.Equal(Trials, again.GetProperty("resumed").GetInt32());
        Assert.Equal(Trials, again.GetProperty("trials").GetArrayLength());
        var resumedBest = again.GetProperty("best");
        Assert.Equal(best.GetProperty("number").GetInt32(), resumedBest.GetProperty("number").GetInt32());
        Assert.Equal(best.GetProperty("value").GetDouble(), resumedBest.GetProperty("value").GetDouble());
        Assert.Equal(Parameters(best), Parameters(resumedBest));

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;

        var candidates = train.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["plain", "tuned"], candidates.Select(c => c.GetProperty("framing").GetString()));
        var tuned = candidates[1];
        var description = tuned.GetProperty("description").GetString()!;
        Assert.Contains($"trial {best.GetProperty("number").GetInt32()}, the best of {Trials} trials, {Trials} resumed from the journal (study {study})", description, StringComparison.Ordinal);
        Assert.Equal(best.GetProperty("parameters").GetProperty("leaves").GetString(), tuned.GetProperty("parameters").GetProperty("leaves").GetString());
        Assert.True(train.GetProperty("registered").GetProperty("version").GetInt32() >= 1);
        Assert.Equal(Trials, File.ReadAllLines(Path.Combine(root, ".recur", "tune", study, "trials.jsonl")).Length);
    }

    // The journal keeps a trial's parameters by name; their order is not part of the contract.
    private static string Parameters(JsonElement trial) =>
        string.Join(", ", trial.GetProperty("parameters").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").Order(StringComparer.Ordinal));

    [Fact]
    public async Task Tune_LogRangeIncludingZero_FailsNamingTheKeyAndLineBeforeAnyTrial()
    {
        using var dir = new TempDir();
        var root = TaskLoop.CopyExample(dir, "adult-tuning");
        var yaml = Path.Combine(root, "recur.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("learning_rate: {real: [0.01, 0.3], log: true}", "learning_rate: {real: [0, 0.3], log: true}", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(dir.Root, "tune", "--trials", "2", "--project", root);

        Assert.NotEqual(0, result.ExitCode);
        var error = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("training.search.space.lightgbm.learning_rate.real", error, StringComparison.Ordinal);
        Assert.Contains("recur.yaml: line ", error, StringComparison.Ordinal);
        Assert.Contains("log-scale range must be above 0", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, ".recur", "tune")));
    }

    [Fact]
    public async Task Tune_ParallelAboveTheCores_FailsNamingTheOption()
    {
        using var dir = new TempDir();
        var root = TaskLoop.CopyExample(dir, "adult-tuning");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);

        var result = await CliRunner.RunAsync(dir.Root, "tune", "--parallel", "999", "--project", root);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--parallel must be between 1 and", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, ".recur", "tune")));
    }
}

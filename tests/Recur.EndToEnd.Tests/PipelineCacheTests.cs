using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// The workflow pipeline on the real Adult data: a <c>recur train</c> killed after its first candidate resumes from the step cache and
/// registers the same model file as an uninterrupted run; a rerun with nothing changed hits every cached step and registers nothing.
/// </summary>
public sealed class PipelineCacheTests
{
    // The slow candidate second (seconds of boosting against well under a second for sdca), so the kill lands while it fits,
    // after the first candidate's entry is stored.
    private const string Candidates = """
        training:
          threads: 1
          candidates:
            - trainer: sdca
            - trainer: lightgbm
              params: {iterations: 1500, learning_rate: 0.02, leaves: 63, min_rows_per_leaf: 20}
            - trainer: fastforest
              params: {trees: 40, min_rows_per_leaf: 10}

        """;

    private static async Task<string> AdultAsync(TempDir dir, string name)
    {
        var copy = TaskLoop.CopyExample(dir, "adult-income");
        var root = dir.Path(name);
        Directory.Move(copy, root);
        var yaml = File.ReadAllText(Path.Combine(root, "recur.yaml"));
        yaml = Regex.Replace(yaml, @"(?ms)^training:\n.*?(?=^evaluation:)", Candidates.ReplaceLineEndings("\n"));
        File.WriteAllText(Path.Combine(root, "recur.yaml"), yaml);
        await TaskLoop.IngestAsync(dir, root);
        return root;
    }

    private static async Task<CliResult> TrainAsync(TempDir dir, string root)
    {
        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", root, "--json");
        Assert.True(result.ExitCode is 0 or 3, $"recur train exited {result.ExitCode}: {result.Stderr}");
        return result;
    }

    private static string Artifact(JsonElement train) =>
        (train.GetProperty("registered").ValueKind == JsonValueKind.Object ? train.GetProperty("registered") : train.GetProperty("same_as")).GetProperty("artifact").GetString()!;

    private static async Task<JsonElement> LastRunAsync(TempDir dir, string root)
    {
        var runs = (await CliRunner.OkAsync(dir.Root, "runs", "list", "--project", root, "--json")).Json.GetProperty("runs");
        var id = runs[runs.GetArrayLength() - 1].GetProperty("id").GetString()!;
        return (await CliRunner.OkAsync(dir.Root, "runs", "show", id, "--project", root, "--json")).Json;
    }

    [Fact]
    public async Task Train_KilledAfterTheFirstCandidate_ResumesFromTheCacheWithTheUninterruptedArtifact()
    {
        using var dir = new TempDir();
        var killed = await AdultAsync(dir, "killed");
        var whole = await AdultAsync(dir, "whole");
        var uninterrupted = Artifact((await TrainAsync(dir, whole)).Json);

        // Start a train and SIGKILL it as soon as the first candidate's cache entry is complete.
        using (var process = Process.Start(CliRunner.StartInfo(dir.Root, "train", "--project", killed, "--json"))!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var fit = Path.Combine(killed, ".recur", "cache", "fit");
            var clock = Stopwatch.StartNew();
            while (!(Directory.Exists(fit) && Directory.EnumerateDirectories(fit).Any(d => !Path.GetFileName(d).StartsWith(".tmp-", StringComparison.Ordinal))))
            {
                Assert.False(process.HasExited, "recur train ended before its first candidate was cached");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(20), "no fit entry after 20 minutes");
                await Task.Delay(5);
            }
            Assert.False(process.HasExited, "recur train finished before it could be killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await Task.WhenAll(stdout, stderr);
        }
        var interrupted = await LastRunAsync(dir, killed);
        Assert.Equal("killed", interrupted.GetProperty("run").GetProperty("status").GetString());
        // The steps it finished were recorded as they ended (the kill may land between the entry's rename and its record).
        Assert.Contains(interrupted.GetProperty("steps").EnumerateArray(), s => s.GetProperty("name").GetString() == "featurize");

        var resumed = await TrainAsync(dir, killed);

        Assert.Contains("step split: cached", resumed.Stderr);
        Assert.Contains("step featurize: cached", resumed.Stderr);
        Assert.Contains("step fit sdca: cached", resumed.Stderr);
        Assert.Equal(uninterrupted, Artifact(resumed.Json));
        var show = await LastRunAsync(dir, killed);
        Assert.Equal("finished", show.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(uninterrupted, show.GetProperty("run").GetProperty("artifact").GetString());
        var steps = show.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("cached").GetBoolean());
        Assert.Equal([true, true, true], new[] { steps["split"], steps["featurize"], steps["fit sdca"] });
        Assert.False(steps["register"]);
    }

    [Fact]
    public async Task Train_RerunWithNothingChanged_HitsEveryCachedStepAndRegistersNothingNew()
    {
        using var dir = new TempDir();
        var root = await AdultAsync(dir, "adult");
        var first = (await TrainAsync(dir, root)).Json;

        var again = (await TrainAsync(dir, root)).Json;

        Assert.Equal(JsonValueKind.Null, again.GetProperty("registered").ValueKind);
        Assert.Equal(first.GetProperty("registered").GetProperty("version").GetInt32(), again.GetProperty("same_as").GetProperty("version").GetInt32());
        var run = await LastRunAsync(dir, root);
        var keyed = run.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("key").GetString()!.Length > 0).ToList();
        Assert.Equal(5, keyed.Count);
        Assert.All(keyed, s => Assert.True(s.GetProperty("cached").GetBoolean(), s.GetProperty("name").GetString()));
        Assert.Equal(5, run.GetProperty("run").GetProperty("cache_hits").GetInt32());

        var list = await CliRunner.OkAsync(dir.Root, "runs", "list", "--project", root, "--kind", "train", "--limit", "1");
        Assert.Contains("5/5", list.Stdout);
        var missing = await CliRunner.RunAsync(dir.Root, "runs", "show", "no-such-run", "--project", root);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("no-such-run", missing.Stderr);
    }
}

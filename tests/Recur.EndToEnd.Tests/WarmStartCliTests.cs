using System.Text.Json;
using System.Text.RegularExpressions;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// <c>pipeline.warm_start</c> end to end on Adult: the first <c>recur train</c> has no champion and starts cold; after the data
/// changes (a new snapshot of the training file), the retrain's L-BFGS candidate starts from the champion, its version's lineage
/// names the champion and its SHA-256, the run's fit step says so, and the same sequence in a second copy of the project
/// registers the same bytes.
/// </summary>
public sealed class WarmStartCliTests
{
    private const string Training = """
        training:
          threads: 1
          candidates:
            - trainer: lbfgs

        pipeline:
          warm_start: true

        """;

    private static async Task<string> AdultAsync(TempDir dir, string name)
    {
        var copy = TaskLoop.CopyExample(dir, "adult-income");
        var root = dir.Path(name);
        Directory.Move(copy, root);
        var yaml = File.ReadAllText(Path.Combine(root, "recur.yaml"));
        yaml = Regex.Replace(yaml, @"(?ms)^training:\n.*?(?=^evaluation:)", Training.ReplaceLineEndings("\n"));
        File.WriteAllText(Path.Combine(root, "recur.yaml"), yaml);
        await TaskLoop.IngestAsync(dir, root);
        return root;
    }

    // The data changes: the file gains 3,000 rows (its first 3,000 again), so no category appears for the first time and the
    // one-hot slots keep their order; ingesting it makes a new snapshot.
    private static async Task ChangeDataAsync(TempDir dir, string root)
    {
        var file = Path.Combine(root, "data", "adult.data");
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToList();
        File.WriteAllLines(file, [.. lines, .. lines.Take(3000)]);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
    }

    private static async Task<JsonElement> TrainAsync(TempDir dir, string root)
    {
        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", root, "--json");
        Assert.True(result.ExitCode is 0 or 3, $"recur train exited {result.ExitCode}: {result.Stderr}");
        return result.Json;
    }

    private static async Task<(JsonElement Version, JsonElement Run)> RetrainAsync(TempDir dir, string root)
    {
        var first = await TrainAsync(dir, root);
        Assert.Equal(1, first.GetProperty("registered").GetProperty("version").GetInt32());
        await ChangeDataAsync(dir, root);
        var second = await TrainAsync(dir, root);
        var version = second.GetProperty("registered").GetProperty("version").GetInt32();
        var shown = (await CliRunner.OkAsync(dir.Root, "models", "show", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "--project", root, "--json")).Json;
        var runs = (await CliRunner.OkAsync(dir.Root, "runs", "list", "--project", root, "--json")).Json.GetProperty("runs");
        var id = runs[runs.GetArrayLength() - 1].GetProperty("id").GetString()!;
        var run = (await CliRunner.OkAsync(dir.Root, "runs", "show", id, "--project", root, "--json")).Json;
        return (shown, run);
    }

    [Fact]
    public async Task Train_WarmStartAfterTheDataChanged_LineageNamesTheChampionAndTheBytesRepeat()
    {
        using var dir = new TempDir();
        var one = await AdultAsync(dir, "one");
        var two = await AdultAsync(dir, "two");

        var (version, run) = await RetrainAsync(dir, one);
        var (again, _) = await RetrainAsync(dir, two);

        var championSha = (await CliRunner.OkAsync(dir.Root, "models", "show", "1", "--project", one, "--json")).Json.GetProperty("artifact_sha256").GetString();
        var parameters = version.GetProperty("lineage").GetProperty("parameters");
        Assert.Equal("adult-income:1", parameters.GetProperty("warm_start_from").GetString());
        Assert.Equal(championSha, parameters.GetProperty("warm_start_sha256").GetString());
        Assert.False(parameters.TryGetProperty("warm_start", out _));
        Assert.Contains(run.GetProperty("steps").EnumerateArray(), s => s.GetProperty("name").GetString() == "fit lbfgs (warm start from adult-income:1)");
        // Same seed, same data, same champion: the same model file in a second copy of the project.
        Assert.Equal(version.GetProperty("artifact_sha256").GetString(), again.GetProperty("artifact_sha256").GetString());
        Assert.NotEqual(championSha, version.GetProperty("artifact_sha256").GetString());
    }
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// examples/adult-ensembles: plain, bagged and stacked candidates compared in one run; the chosen one registered as one
/// composed model file, served over HTTP, logged, given feedback and monitored.
/// </summary>
public sealed class EnsembleLoopTests
{
    [Fact]
    public async Task Train_BaggingAndStacking_ListsEveryCandidateRegistersAComposedModelAndServesIt()
    {
        using var dir = new TempDir();
        var root = TaskLoop.CopyExample(dir, "adult-ensembles");
        // The stacked ensemble is the one registered here, so the composed file of the stacking composition is checked.
        File.WriteAllText(Path.Combine(root, "recur.yaml"), File.ReadAllText(Path.Combine(root, "recur.yaml")).Replace("metric: auc", "metric: auc\n  significance: 0", StringComparison.Ordinal));
        await TaskLoop.IngestAsync(dir, root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;

        var candidates = train.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["plain", "plain", "plain", "bagging", "stacking"], candidates.Select(c => c.GetProperty("framing").GetString()));
        Assert.Equal(["lightgbm", "sdca", "fastforest", "bagging(lightgbmx5)", "stacking(lightgbm,sdca,fastforest;lbfgs)"], candidates.Select(c => c.GetProperty("trainer").GetString()));
        Assert.Contains("5-fold out-of-fold", candidates[4].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("5 bootstrap samples", candidates[3].GetProperty("description").GetString(), StringComparison.Ordinal);
        var auc = candidates.Select(c => c.GetProperty("validation").GetProperty("auc").GetDouble()).ToList();
        var chosen = Assert.Single(candidates, c => c.GetProperty("chosen").GetBoolean());
        Assert.Equal(auc.Max(), chosen.GetProperty("validation").GetProperty("auc").GetDouble());
        var because = train.GetProperty("chosen_because").GetString()!;
        Assert.Contains("highest validation auc of 5 candidates", because, StringComparison.Ordinal);

        var version = train.GetProperty("registered").GetProperty("version").GetInt32();
        var shown = (await CliRunner.OkAsync(dir.Root, "models", "show", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--project", root)).Json;
        Assert.Equal(chosen.GetProperty("trainer").GetString(), shown.GetProperty("lineage").GetProperty("trainer").GetString());
        var sha = train.GetProperty("registered").GetProperty("artifact").GetString()!;
        var file = Path.Combine(root, ".recur", "artifacts", "sha256", sha[..2], sha);
        var framing = chosen.GetProperty("framing").GetString();
        using (var zip = ZipFile.OpenRead(file))
        {
            var members = zip.Entries.Count(e => e.FullName.StartsWith("members/", StringComparison.Ordinal));
            Assert.Equal(framing switch { "stacking" => 4, "bagging" => 5, _ => 0 }, members);
        }

        await using var server = await ServerProcess.StartAsync(root);
        using var http = server.Client();
        using var response = await http.PostAsync("/v1/models/adult-ensembles:predict",
            TaskLoop.Json($$"""{"instances":[{"key":"p1","features":{{AdultRequest.Features}}}]}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var prediction = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0];
        Assert.Equal(version, prediction.GetProperty("model_version").GetInt32());
        Assert.Contains(prediction.GetProperty("label").GetString(), new[] { "<=50K", ">50K" });
        Assert.InRange(prediction.GetProperty("scores").GetProperty(">50K").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Train_StackingOnly_RegistersTheStackedModelWithItsMembers()
    {
        using var dir = new TempDir();
        var root = TaskLoop.CopyExample(dir, "adult-ensembles");
        var yaml = File.ReadAllText(Path.Combine(root, "recur.yaml"))
            .Replace("methods: [bagging, stacking]", "methods: [stacking]", StringComparison.Ordinal)
            .Replace("min_gain_over_baseline: 0.05", "min_gain_over_baseline: 0.0\n  significance: 0", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(root, "recur.yaml"), yaml);
        await TaskLoop.IngestAsync(dir, root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;
        var stacked = train.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("framing").GetString() == "stacking");
        Assert.Equal("lbfgs", stacked.GetProperty("parameters").GetProperty("meta").GetString());
        Assert.Equal("5", stacked.GetProperty("parameters").GetProperty("folds").GetString());
        Assert.InRange(stacked.GetProperty("validation").GetProperty("auc").GetDouble(), 0.8, 1.0);
    }

    [Fact]
    public async Task Train_StackingWithOneFold_FailsBeforeTrainingNamingTheKeyAndLine()
    {
        using var dir = new TempDir();
        var root = TaskLoop.CopyExample(dir, "adult-ensembles");
        File.WriteAllText(Path.Combine(root, "recur.yaml"), File.ReadAllText(Path.Combine(root, "recur.yaml")).Replace("folds: 5 ", "folds: 1 ", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", root);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("framing.ensemble.folds", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, ".recur", "artifacts")) && Directory.EnumerateFiles(Path.Combine(root, ".recur", "artifacts"), "*", SearchOption.AllDirectories).Any());
    }
}

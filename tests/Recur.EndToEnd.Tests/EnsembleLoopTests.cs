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
    // The example leaves fnlwgt out of the model, so a request must not send it.
    private static readonly string Features = AdultRequest.Features.Replace("\"fnlwgt\":77516,", "", StringComparison.Ordinal);

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
        // On this sample (seed 42) the stacked ensemble wins: its file holds the three bases and the meta-learner.
        Assert.Equal("stacking", chosen.GetProperty("framing").GetString());
        Assert.StartsWith("stacking (stacking(lightgbm,sdca,fastforest;lbfgs)) has the highest", because, StringComparison.Ordinal);
        using (var zip = ZipFile.OpenRead(file))
        {
            Assert.Equal(["members/00.recur", "members/01.recur", "members/02.recur", "members/03.recur"],
                zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("members/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            using var reader = new StreamReader(zip.GetEntry("composition.json")!.Open());
            var composition = JsonDocument.Parse(reader.ReadToEnd()).RootElement;
            Assert.Equal("stacking", composition.GetProperty("composition").GetString());
            Assert.Equal(["base-0", "base-1", "base-2", "meta"], composition.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        }

        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            using var response = await http.PostAsync("/v1/models/adult-ensembles:predict",
                TaskLoop.Json($$"""{"instances":[{"key":"p1","features":{{Features}}}]}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var prediction = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0];
            Assert.Equal(version, prediction.GetProperty("model_version").GetInt32());
            Assert.Contains(prediction.GetProperty("label").GetString(), new[] { "<=50K", ">50K" });
            Assert.InRange(prediction.GetProperty("score").GetDouble(), 0, 1);

            // Logged and labelled like any model: twenty more answers, feedback for all, then the monitor joins them.
            var instances = string.Join(",", Enumerable.Range(2, 20).Select(i => $$"""{"key":"p{{i}}","features":{{Features}}}"""));
            using (var more = await http.PostAsync("/v1/models/adult-ensembles:predict", TaskLoop.Json($$"""{"instances":[{{instances}}]}""")))
            {
                Assert.Equal(HttpStatusCode.OK, more.StatusCode);
            }
            var labels = string.Join(",", Enumerable.Range(1, 21).Select(i => $$"""{"key":"p{{i}}","label":"<=50K"}"""));
            using (var feedback = await http.PostAsync("/v1/feedback", TaskLoop.Json($$"""{"feedback":[{{labels}}]}""")))
            {
                Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
            }
        }
        var monitor = (await CliRunner.OkAsync(dir.Root, "monitor", "--json", "--project", root)).Json;
        Assert.Equal(21, monitor.GetProperty("logged").GetInt32());
        Assert.Equal(21, monitor.GetProperty("labelled").GetInt32());
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

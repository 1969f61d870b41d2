using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>The separate commands on a user's own CSV, driven through the built CLI.</summary>
public sealed class CliWorkflowTests(TrainedProject project) : IClassFixture<TrainedProject>
{
    private Task<CliResult> Ok(params string[] args) => CliRunner.OkAsync(project.Root, [.. args, "--project", project.Root]);

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(project.Root, [.. args, "--project", project.Root]);

    [Fact]
    public async Task ModelsList_AfterTrain_ShowsVersionOneAsChampionWithLineage()
    {
        var json = (await Ok("models", "list", "--json")).Json;

        var v1 = json.GetProperty("versions")[0];
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Contains("champion", v1.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(42, v1.GetProperty("lineage").GetProperty("seed").GetInt32());
        Assert.Equal(64, v1.GetProperty("lineage").GetProperty("config_hash").GetString()!.Length);
        Assert.InRange(v1.GetProperty("metrics").GetProperty("auc").GetDouble(), 0.8, 1.0);
    }

    [Fact]
    public async Task Ingest_SameFileAgain_ReusesTheSnapshot()
    {
        var json = (await Ok("ingest", "train", "--json")).Json;

        Assert.True(json.GetProperty("reused").GetBoolean());
        Assert.Equal(3000, json.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Eval_Champion_ReportsModelAndBaseline()
    {
        var json = (await Ok("eval", "--json")).Json;

        Assert.InRange(json.GetProperty("metrics").GetProperty("auc").GetDouble(), 0.8, 1.0);
        var prior = json.GetProperty("baselines").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "class prior");
        Assert.Equal(0.5, prior.GetProperty("metrics").GetProperty("auc").GetDouble(), 9);
        Assert.Equal("binary", json.GetProperty("task").GetString());
    }

    [Fact]
    public async Task Eval_BinaryChampion_ReportsTheConfusionCountsAtTheThreshold()
    {
        var json = (await Ok("eval", "--json")).Json;

        var rows = json.GetProperty("rows").GetInt32();
        TaskLoop.AssertConfusion(json, ["<=50K", ">50K"], rows);
        var confusion = json.GetProperty("confusion");
        Assert.Equal(0.5, confusion.GetProperty("threshold").GetDouble());
        // At the threshold, recall of the positive class is its correct count over its row's total.
        var positives = confusion.GetProperty("counts")[1].EnumerateArray().Select(c => c.GetInt32()).ToArray();
        Assert.Equal((double)positives[1] / positives.Sum(), json.GetProperty("metrics").GetProperty("recall").GetDouble(), 9);
        TaskLoop.AssertReport(json, project.Root, "<th>actual \\ predicted</th><th>&lt;=50K</th><th>&gt;50K</th>", "at the decision threshold 0.5");
    }

    [Fact]
    public async Task Eval_NoEvaluationDataset_ScoresTheValidationSplitAndSaysSo()
    {
        var registered = (await Ok("models", "list", "--json")).Json.GetProperty("versions")[0].GetProperty("metrics").GetProperty("auc").GetDouble();

        var json = (await Ok("eval", "--json")).Json;
        var human = (await Ok("eval")).Stdout;

        var rows = json.GetProperty("rows").GetInt32();
        Assert.InRange(rows, 300, 900);
        Assert.StartsWith("validation split of snapshot", json.GetProperty("data").GetString());
        Assert.Contains($"({rows} of 3000 rows", json.GetProperty("data").GetString());
        Assert.Equal(registered, json.GetProperty("metrics").GetProperty("auc").GetDouble(), 9);
        Assert.Contains("validation split of snapshot", human.ReplaceLineEndings(" "));
    }

    [Fact]
    public async Task UnknownCommand_SaysSoAndListsTheCommands()
    {
        var result = await Run("trian");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("error: unknown command 'trian'", line);
        Assert.Contains("init, ingest", line);
        Assert.Contains("train", line);
    }

    [Fact]
    public async Task NoCommandOrUnknownOption_SaysWhichInOneLine()
    {
        var none = await CliRunner.RunAsync(project.Root);
        var option = await CliRunner.RunAsync(project.Root, "--jsn");

        Assert.Equal((2, 2), (none.ExitCode, option.ExitCode));
        Assert.StartsWith("error: no command given; recur has: init, ingest", Assert.Single(none.Stderr.Trim().Split('\n')));
        Assert.Contains("'--jsn'", Assert.Single(option.Stderr.Trim().Split('\n')));
    }

    [Fact]
    public async Task PredictThenFeedbackThenMonitor_JoinsLabelsByKey()
    {
        var output = project.Data("scored.csv");
        var predicted = (await Ok("predict", project.Data("test.csv"), "--output", output, "--json")).Json;
        Assert.Equal(1000, predicted.GetProperty("rows").GetInt32());
        var lines = File.ReadAllLines(output);
        Assert.Equal("key,label,score,model_version", lines[0]);
        Assert.StartsWith("p3001,", lines[1]);

        var labels = File.ReadAllLines(project.Data("test.csv")).Skip(1).Select(l => l.Split(',')).Select(f => $"{f[0]},{f[^1]}");
        File.WriteAllLines(project.Data("labels.csv"), ["key,label", .. labels]);
        var feedback = (await Ok("feedback", project.Data("labels.csv"), "--json")).Json;
        Assert.Equal(1000, feedback.GetProperty("accepted").GetInt32());

        var monitor = (await Ok("monitor", "--json")).Json;
        Assert.True(monitor.GetProperty("labelled").GetInt32() >= 1000);
        Assert.InRange(monitor.GetProperty("live").GetProperty("auc").GetDouble(), 0.75, 1.0);
        Assert.Equal(JsonValueKind.Array, monitor.GetProperty("drift").GetProperty("features").ValueKind);
    }

    [Fact]
    public async Task ModelsAlias_UnknownVersion_FailsWithOneLineAndChangesNothing()
    {
        var result = await Run("models", "alias", "champion", "9");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("no version 9", result.Stderr);
        var list = (await Ok("models", "list", "--json")).Json;
        Assert.Contains("champion", list.GetProperty("versions")[0].GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Ingest_UndeclaredDataset_FailsNamingIt()
    {
        var result = await Run("ingest", "nope", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("dataset 'nope' is not declared", result.Stderr);
    }

    [Fact]
    public async Task Train_SameSnapshotAndSeedInAnotherProject_GivesIdenticalMetrics()
    {
        using var dir = new TempDir();
        var other = dir.Path("again");
        Directory.CreateDirectory(other);
        File.Copy(Path.Combine(project.Root, "recur.yaml"), Path.Combine(other, "recur.yaml"));
        Directory.CreateDirectory(Path.Combine(other, "data"));
        File.Copy(project.Data("train.csv"), Path.Combine(other, "data", "train.csv"));

        await CliRunner.OkAsync(other, "ingest", "train", "--project", other);
        var again = (await CliRunner.OkAsync(other, "train", "--project", other, "--json")).Json;
        var first = (await Ok("models", "show", "1", "--json")).Json;

        foreach (var metric in new[] { "auc", "log_loss", "accuracy" })
        {
            Assert.Equal(first.GetProperty("metrics").GetProperty(metric).GetDouble(), again.GetProperty("candidate").GetProperty(metric).GetDouble(), 1e-9);
        }
    }

    [Fact]
    public async Task UsageMistake_ExitsTwoWithOneLine()
    {
        var result = await Run("models", "alias", "champion");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("error:", result.Stderr);
    }

    [Fact]
    public async Task Fingerprint_Json_MatchesBigQueryFarmFingerprint()
    {
        var json = (await CliRunner.OkAsync(project.Root, "fingerprint", "--json", "1footrue", "2applefalse")).Json;

        Assert.Equal(-1541654101129638711, json[0].GetProperty("fingerprint64").GetInt64());
        Assert.Equal(2794438866806483259, json[1].GetProperty("fingerprint64").GetInt64());
        Assert.Contains(json[0].GetProperty("split").GetString(), new[] { "train", "validation" });
    }
}

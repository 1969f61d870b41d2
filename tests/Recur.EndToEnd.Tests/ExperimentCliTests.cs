using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// <c>recur experiment</c> on examples/adult-income: the declared what-matters experiment (another trainer, a feature group
/// dropped, an overlay changing the trees) side by side, its comparison table, and the registry's guard: the champion never
/// moves and an experiment's version is refused every alias, from the CLI and over HTTP.
/// </summary>
public sealed class ExperimentCliTests
{
    [Fact]
    public async Task Experiment_AdultWhatMatters_ComparesOnTheSameRowsAndNeverReachesAnAlias()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "adult-income");
        await IngestAsync(dir, root);
        Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(dir.Root, [.. args, "--project", root]);
        var champion = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json.GetProperty("registered").GetProperty("version").GetInt32();

        var result = await Run("experiment", "what-matters", "--json", "--parallel", "2", "--register", "linear");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var table = result.Json;
        Assert.Equal(("what-matters", "auc", 16281), (table.GetProperty("experiment").GetString(), table.GetProperty("metric").GetString(), table.GetProperty("evaluation_rows").GetInt32()));
        Assert.StartsWith("Would a linear model do", table.GetProperty("question").GetString());
        var control = table.GetProperty("control");
        Assert.Equal(("control", "lightgbm"), (control.GetProperty("name").GetString(), control.GetProperty("trainer").GetString()));
        var variations = table.GetProperty("variations").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        Assert.Equal(["linear", "no-demographics", "more-leaves"], table.GetProperty("variations").EnumerateArray().Select(v => v.GetProperty("name").GetString()!));
        foreach (var arm in variations.Values.Append(control))
        {
            var (value, low, high) = (arm.GetProperty("metric").GetDouble(), arm.GetProperty("low").GetDouble(), arm.GetProperty("high").GetDouble());
            Assert.True(low <= value && value <= high && value > 0.85, arm.ToString());
            Assert.True(File.Exists(Path.Combine(root, arm.GetProperty("model").GetString()!)), arm.ToString());
            Assert.True(arm.GetProperty("seconds").GetDouble() > 0, arm.ToString());
        }
        foreach (var v in variations.Values)
        {
            var (delta, low, high) = (v.GetProperty("delta").GetDouble(), v.GetProperty("delta_low").GetDouble(), v.GetProperty("delta_high").GetDouble());
            Assert.True(low <= delta && delta <= high, v.ToString());
            Assert.Equal(v.GetProperty("metric").GetDouble() - control.GetProperty("metric").GetDouble(), delta, 6);
            Assert.Equal(low > 0 ? "better" : high < 0 ? "worse" : "no clear difference", v.GetProperty("verdict").GetString());
        }
        // A linear model on these columns is clearly below boosted trees (about 0.90 against 0.93 AUC).
        Assert.Equal(("sdca", "worse"), (variations["linear"].GetProperty("trainer").GetString(), variations["linear"].GetProperty("verdict").GetString()));
        Assert.Equal("without demographics", variations["no-demographics"].GetProperty("what").GetString());
        AssertReport(table, root, "experiment what-matters", "paired bootstrap 95% interval", "no-demographics", "<svg");

        // Nothing the experiment trained moved an alias; the registered arm has none and says where it came from.
        var registered = table.GetProperty("registered").GetProperty("version").GetInt32();
        var versions = (await CliRunner.OkAsync(dir.Root, "models", "list", "--json", "--project", root)).Json.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([champion, registered], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(["champion"], versions[0].GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!));
        Assert.Empty(versions[1].GetProperty("aliases").EnumerateArray());
        var shown = (await CliRunner.OkAsync(dir.Root, "models", "show", registered.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--project", root)).Json;
        Assert.Equal("experiment", shown.GetProperty("lineage").GetProperty("origin").GetString());

        // Every way of moving an alias refuses it: one line naming the version and why, exit 1.
        var number = registered.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var args in new[] { new[] { "models", "promote", number, "--reason", "it looked good" }, ["models", "alias", "champion", number], ["models", "promote", number, "--alias", "staging", "--reason", "try it"] })
        {
            var refused = await Run(args);
            Assert.Equal(1, refused.ExitCode);
            Assert.Single(refused.Stderr.Trim().Split('\n'));
            Assert.Contains($"version {number} of model 'adult-income' cannot take alias", refused.Stderr);
            Assert.Contains("experiment 'what-matters'", refused.Stderr);
        }
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            using var response = await http.PostAsJsonAsync("/v1/models/adult-income/aliases/champion", new { version = registered, reason = "via the API" });
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal(409, problem.GetProperty("status").GetInt32());
            Assert.Equal("version", problem.GetProperty("field").GetString());
            Assert.Contains("only a pipeline run from a versioned snapshot reaches an alias", problem.GetProperty("detail").GetString());
        }
        var after = (await CliRunner.OkAsync(dir.Root, "models", "list", "--json", "--project", root)).Json.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["champion"], after[0].GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!));
        Assert.Empty(after[1].GetProperty("aliases").EnumerateArray());

        // Bad input fails before anything trains, naming the option.
        var unknownGroup = await Run("experiment", "quick", "--drop", "hobbies");
        Assert.Equal(1, unknownGroup.ExitCode);
        Assert.Contains("--drop: no feature group 'hobbies'", unknownGroup.Stderr);
        var tooParallel = await Run("experiment", "what-matters", "--parallel", "512");
        Assert.Equal(1, tooParallel.ExitCode);
        Assert.Contains("--parallel 512", tooParallel.Stderr);
        var cleared = (await CliRunner.OkAsync(dir.Root, "experiment", "what-matters", "--clear", "--json", "--project", root)).Json;
        Assert.True(cleared.GetProperty("cleared").GetBoolean());
        Assert.False(Directory.Exists(Path.Combine(root, ".recur", "experiments", "what-matters")));
    }

    [Fact]
    public async Task Experiment_BadOverlay_FailsBeforeTrainingNamingTheOverlayLine()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "adult-income");
        File.WriteAllText(Path.Combine(root, "bad.yaml"), "training:\n  leaves: 63\nsplit:\n  validation: 0.5\n");

        var result = await CliRunner.RunAsync(dir.Root, "experiment", "quick", "--overlay", Path.Combine(root, "bad.yaml"), "--project", root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.yaml: line 3, column 1: split cannot change in a variation", result.Stderr);
    }
}

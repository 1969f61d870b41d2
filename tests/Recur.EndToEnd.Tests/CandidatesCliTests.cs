using System.Text.Json;
using System.Text.RegularExpressions;

namespace Recur.EndToEnd.Tests;

/// <summary>Several trainers in recur.yaml: all fitted and reported, the best on validation registered.</summary>
public sealed class CandidatesCliTests
{
    private const string Candidates = """
        training:
          threads: 1
          candidates:
            - trainer: lightgbm
              params: {iterations: 50, learning_rate: 0.1, leaves: 8, min_rows_per_leaf: 5}
            - trainer: fastforest
              params: {trees: 30, min_rows_per_leaf: 5}
            - trainer: sdca
              params: {l2: 0.001}

        """;

    private static string IrisWithCandidates(TempDir dir)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "examples", "iris");
        var root = dir.Path("iris");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        var yaml = File.ReadAllText(Path.Combine(root, "recur.yaml"));
        yaml = Regex.Replace(yaml, @"(?ms)^training:\n.*?(?=^evaluation:)", Candidates.ReplaceLineEndings("\n"));
        // The one-rule baseline is perfect on these 30 flowers; this test is about choosing, not about beating it.
        yaml = yaml.Replace("min_gain_over_baseline: -0.05", "min_gain_over_baseline: -0.5");
        File.WriteAllText(Path.Combine(root, "recur.yaml"), yaml);
        return root;
    }

    [Fact]
    public async Task Train_ThreeCandidates_ReportsAllAndRegistersTheBest()
    {
        using var dir = new TempDir();
        var root = IrisWithCandidates(dir);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "ingest", "test", "--project", root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;

        var candidates = train.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["lightgbm", "fastforest", "sdca"], candidates.Select(c => c.GetProperty("trainer").GetString()));
        Assert.All(candidates, c => Assert.True(c.GetProperty("fit_seconds").GetDouble() >= 0));
        var f1 = candidates.Select(c => c.GetProperty("validation").GetProperty("macro_f1").GetDouble()).ToList();
        var chosen = Assert.Single(candidates, c => c.GetProperty("chosen").GetBoolean());
        Assert.Equal(f1.Max(), chosen.GetProperty("validation").GetProperty("macro_f1").GetDouble());
        Assert.Equal("30", candidates[1].GetProperty("parameters").GetProperty("trees").GetString());

        var version = train.GetProperty("registered").GetProperty("version").GetInt32();
        var shown = (await CliRunner.OkAsync(dir.Root, "models", "show", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--project", root)).Json;
        var lineage = shown.GetProperty("lineage");
        Assert.Equal(chosen.GetProperty("trainer").GetString(), lineage.GetProperty("trainer").GetString());
        Assert.Equal(JsonSerializer.Serialize(chosen.GetProperty("parameters")), JsonSerializer.Serialize(lineage.GetProperty("parameters")));
    }

    [Fact]
    public async Task Train_UnknownParameter_FailsBeforeTrainingNamingTheKeyAndLine()
    {
        using var dir = new TempDir();
        var root = IrisWithCandidates(dir);
        File.WriteAllText(Path.Combine(root, "recur.yaml"), File.ReadAllText(Path.Combine(root, "recur.yaml")).Replace("trees: 30", "depth: 30"));

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", root);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("training.candidates[1].params.depth", result.Stderr);
        Assert.Contains("line ", result.Stderr);
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>Feature groups on examples/bike-sharing: <c>recur train --ablate</c> and <c>--drop</c>, and <c>recur features materialize</c>.</summary>
public sealed class FeatureGroupsCliTests
{
    private const string Groups = """
          groups:
            time: [hr, weekday, workingday, holiday, mnth, yr, season]
            weather: [weathersit, temp, atemp, hum, windspeed]

        """;

    private static async Task<string> BikeSharingAsync(TempDir dir, bool groups)
    {
        var root = CopyExample(dir, "bike-sharing");
        if (groups)
        {
            var yaml = Path.Combine(root, "recur.yaml");
            var text = File.ReadAllText(yaml);
            var at = text.IndexOf("\nsplit:", StringComparison.Ordinal);
            File.WriteAllText(yaml, text[..(at + 1)] + Groups + text[(at + 1)..]);
        }
        await IngestAsync(dir, root);
        return root;
    }

    [Fact]
    public async Task TrainAblate_BikeSharingGroups_ReportsEachGroupsContributionAndMaterializesItsFeatures()
    {
        using var dir = new TempDir();
        var root = await BikeSharingAsync(dir, groups: true);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--ablate", "--json", "--project", root)).Json;
        var ablation = train.GetProperty("ablation").EnumerateArray().ToDictionary(a => a.GetProperty("group").GetString()!);
        Assert.Equal(["time", "weather"], ablation.Keys.Order());
        foreach (var a in ablation.Values)
        {
            var (contribution, low, high) = (a.GetProperty("contribution").GetDouble(), a.GetProperty("low").GetDouble(), a.GetProperty("high").GetDouble());
            Assert.True(double.IsFinite(contribution), a.ToString());
            Assert.True(low <= contribution && contribution <= high, a.ToString());
            Assert.Equal("rmse", a.GetProperty("metric").GetString());
        }
        // RMSE is lower-is-better: without the hour of day the error grows, so the time group's contribution is positive.
        var time = ablation["time"];
        Assert.True(time.GetProperty("without").GetDouble() > time.GetProperty("with").GetDouble(), time.ToString());
        Assert.True(time.GetProperty("low").GetDouble() > 0, time.ToString());
        Assert.Equal(train.GetProperty("candidate").GetProperty("rmse").GetDouble(), time.GetProperty("with").GetDouble(), 6);
        AssertReport(train, root, "<h2>Ablation</h2>", "rmse without", "<svg");
        // The ablation models are never registered: the run registered exactly one version.
        Assert.Equal(1, train.GetProperty("registered").GetProperty("version").GetInt32());

        var materialized = (await CliRunner.OkAsync(dir.Root, "features", "materialize", "--json", "--project", root)).Json;
        var rows = materialized.GetProperty("rows").GetInt32();
        Assert.Equal(13949, rows);
        var sets = materialized.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["time", "weather"], sets.Select(s => s.GetProperty("group").GetString()!).Order());
        foreach (var set in sets)
        {
            var file = set.GetProperty("file").GetString()!;
            var lines = File.ReadAllLines(file);
            Assert.Equal("instant", lines[0].Split(',')[0]);
            Assert.Equal(rows, lines.Length - 1);
            Assert.Equal(rows, set.GetProperty("rows").GetInt32());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), set.GetProperty("sha256").GetString());
        }
        Assert.True(File.Exists(materialized.GetProperty("manifest").GetString()));

        // --drop trains without the group and says so in the version's lineage.
        var dropped = await CliRunner.RunAsync(dir.Root, "train", "--drop", "weather", "--json", "--project", root);
        var version = dropped.Json.GetProperty("registered").GetProperty("version").GetInt32();
        var shown = (await CliRunner.OkAsync(dir.Root, "models", "show", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--project", root)).Json;
        Assert.Equal("weather", shown.GetProperty("lineage").GetProperty("parameters").GetProperty("dropped_groups").GetString());
        var unknown = await CliRunner.RunAsync(dir.Root, "train", "--drop", "calendar", "--project", root);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--drop calendar", unknown.Stderr);
    }

    [Fact]
    public async Task MonitorRetrain_ChampionTrainedWithoutAGroup_RetrainsWithoutItToo()
    {
        using var dir = new TempDir();
        var root = await BikeSharingAsync(dir, groups: true);
        var train = (await CliRunner.OkAsync(dir.Root, "train", "--drop", "weather", "--json", "--project", root)).Json;
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.ToString());

        // Score the test hours in batch (the model needs no weather columns), then label a thousand of them.
        var test = Path.Combine(root, "data", "hour_test.csv");
        await CliRunner.OkAsync(dir.Root, "predict", test, "-o", dir.Path("scored.csv"), "--key", "instant", "--project", root);
        var hours = File.ReadAllLines(test).Skip(1).Select(l => l.Split(',')).Take(1000).ToList();
        File.WriteAllLines(dir.Path("labels.csv"), ["instant,cnt", .. hours.Select(f => $"{f[0]},{f[^1]}")]);
        await CliRunner.OkAsync(dir.Root, "feedback", dir.Path("labels.csv"), "--key-column", "instant", "--label-column", "cnt", "--project", root);

        await RetrainAsync(dir, root);

        var v2 = (await CliRunner.OkAsync(dir.Root, "models", "show", "2", "--json", "--project", root)).Json;
        Assert.Equal("weather", v2.GetProperty("lineage").GetProperty("parameters").GetProperty("dropped_groups").GetString());
    }

    [Fact]
    public async Task TrainAblate_NoGroupsDeclared_ExitsOneNamingFeaturesGroups()
    {
        using var dir = new TempDir();
        var root = await BikeSharingAsync(dir, groups: false);

        var result = await CliRunner.RunAsync(dir.Root, "train", "--ablate", "--project", root);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("features.groups", error);
    }
}

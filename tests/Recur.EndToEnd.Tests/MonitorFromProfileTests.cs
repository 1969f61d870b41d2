using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>`recur monitor` measures drift against the stored profile of the champion's training split, not the lake's rows.</summary>
public sealed class MonitorFromProfileTests(TrainedProject project) : IClassFixture<TrainedProject>
{
    private Task<CliResult> Ok(params string[] args) => CliRunner.OkAsync(project.Root, [.. args, "--project", project.Root]);

    [Fact]
    public async Task Monitor_TrainingRowsRemovedFromTheLake_StillReportsTheSameDriftFromTheStoredProfile()
    {
        var reference = (await Ok("models", "show", "1", "--json")).Json.GetProperty("lineage").GetProperty("reference_profile").GetString()!;
        var lake = Path.Combine(project.Root, ".recur", "lake");
        Assert.True(File.Exists(Path.Combine(lake, reference + ".profile.json")), $"no stored profile {reference}");
        var stored = (await Ok("profile", "train", "--split", "train", "--json")).Json;
        Assert.True(stored.GetProperty("reused").GetBoolean());
        Assert.Equal(Path.Combine(lake, reference + ".profile.json"), stored.GetProperty("profile_file").GetString());

        // Only people aged 50 or more: age moves far from the training split.
        var lines = File.ReadAllLines(project.Data("test.csv"));
        File.WriteAllLines(project.Data("older.csv"), [lines[0], .. lines.Skip(1).Where(l => int.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) >= 50)]);
        await Ok("predict", project.Data("older.csv"), "--output", project.Data("older-scored.csv"));
        var before = (await Ok("monitor", "--json")).Json;

        foreach (var file in Directory.GetFiles(lake).Where(f => f.EndsWith(".parquet", StringComparison.Ordinal) || f.EndsWith(".segments", StringComparison.Ordinal))) File.Delete(file);
        var after = (await Ok("monitor", "--json")).Json;

        Assert.Equal(reference, after.GetProperty("reference_profile").GetString());
        var drift = after.GetProperty("drift");
        Assert.Equal(stored.GetProperty("rows").GetInt32(), drift.GetProperty("reference_rows").GetInt32());
        var age = drift.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("feature").GetString() == "age");
        Assert.Equal("wasserstein_normed", age.GetProperty("test").GetString());
        Assert.True(age.GetProperty("drifted").GetBoolean());
        Assert.Equal(JsonSerializer.Serialize(before.GetProperty("drift")), JsonSerializer.Serialize(drift));
    }
}

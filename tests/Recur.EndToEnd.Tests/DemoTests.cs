namespace Recur.EndToEnd.Tests;

/// <summary>`recur demo --json`: the whole loop, and its JSON contract.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_Json_PrintsTheContractAndWritesTheReport()
    {
        using var dir = new TempDir();

        var result = await CliRunner.OkAsync(dir.Root, "demo", "--json", "--dir", dir.Path("demo"));
        var json = result.Json;

        var snapshots = json.GetProperty("snapshots").EnumerateArray().ToList();
        Assert.Equal([32561, 16281], snapshots.Select(s => s.GetProperty("rows").GetInt32()));
        Assert.All(snapshots, s => Assert.Equal(64, s.GetProperty("id").GetString()!.Length));
        // The best heuristic baseline: a one-rule model beats the class prior (AUC 0.5) on Adult, and the model beats both.
        Assert.Equal("one rule", json.GetProperty("baseline").GetProperty("name").GetString());
        Assert.InRange(json.GetProperty("baseline").GetProperty("metrics").GetProperty("auc").GetDouble(), 0.6, 0.88);
        Assert.Equal(1, json.GetProperty("champion").GetProperty("version").GetInt32());
        Assert.InRange(json.GetProperty("champion").GetProperty("metrics").GetProperty("auc").GetDouble(), 0.88, 1.0);
        var served = json.GetProperty("served").GetProperty("predictions").GetInt32();
        Assert.True(served >= 1000);
        Assert.Equal(500, json.GetProperty("logged").GetProperty("of_served_keys").GetInt32());
        Assert.Equal(3, json.GetProperty("served").GetProperty("rejected_requests").GetInt32());
        var drift = json.GetProperty("drift").EnumerateArray().ToList();
        var age = drift.Single(d => d.GetProperty("feature").GetString() == "age");
        Assert.True(age.GetProperty("drifted").GetBoolean());
        Assert.All(drift, d => Assert.False(string.IsNullOrEmpty(d.GetProperty("test").GetString())));
        var retrain = json.GetProperty("retrain");
        Assert.True(retrain.GetProperty("ran").GetBoolean());
        Assert.Equal(2, retrain.GetProperty("candidate_version").GetInt32());
        Assert.False(string.IsNullOrEmpty(retrain.GetProperty("reason").GetString()));
        Assert.True(File.Exists(json.GetProperty("report").GetString()));
        Assert.Contains("<th>actual \\ predicted</th><th>&lt;=50K</th><th>&gt;50K</th>", File.ReadAllText(json.GetProperty("report").GetString()!));
        // The automatic loop: drift fired, the candidate went out as a canary on part of the traffic, and was judged.
        var loop = json.GetProperty("loop");
        var steps = loop.GetProperty("history").EnumerateArray().Select(r => r.GetProperty("step").GetString()).ToList();
        Assert.Contains("trigger", steps);
        Assert.Contains("retrained", steps);
        Assert.Contains("canary_started", steps);
        Assert.Contains("compared", steps);
        Assert.Contains(loop.GetProperty("outcome").GetString(), new[] { "promoted", "rolled_back" });
        Assert.Contains("Welch two-sample", loop.GetProperty("comparison").GetString());
        var traffic = loop.GetProperty("canary_traffic");
        Assert.True(traffic.GetProperty("2").GetInt32() > 100 && traffic.GetProperty("1").GetInt32() > traffic.GetProperty("2").GetInt32());
        Assert.Contains("6. The automatic loop", File.ReadAllText(json.GetProperty("report").GetString()!));
        Assert.Contains("[9/9]", result.Stderr);
    }
}

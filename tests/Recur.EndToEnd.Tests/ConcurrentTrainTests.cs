using System.Diagnostics;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>Several `recur train` processes on one registry at once: the champion ends as the best candidate.</summary>
public sealed class ConcurrentTrainTests
{
    [Fact]
    public async Task Train_ThreeRunsAtOnce_ChampionIsTheBestCandidate()
    {
        using var dir = new TempDir();
        var main = dir.Path("main");
        Directory.CreateDirectory(Path.Combine(main, "data"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv"), Path.Combine(main, "data", "train.csv"));
        await CliRunner.OkAsync(dir.Root, "init", "--project", main, "--source", Path.Combine(main, "data", "train.csv"), "--label", "income", "--key", "id", "--name", "adult");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", main);

        // Three project files over one .recur folder: one registry, three differently good candidates.
        var yaml = await File.ReadAllTextAsync(Path.Combine(main, "recur.yaml"));
        var projects = new List<string>();
        foreach (var (iterations, leaves) in new[] { (200, 31), (2, 2), (20, 4) })
        {
            var folder = dir.Path($"p{iterations}");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "recur.yaml"), yaml
                .Replace("source: " + Path.Combine(main, "data", "train.csv"), "source: ../main/data/train.csv", StringComparison.Ordinal)
                .Replace("iterations: 200", $"iterations: {iterations}", StringComparison.Ordinal)
                .Replace("leaves: 31", $"leaves: {leaves}", StringComparison.Ordinal)
                // This test is about the race, not about noise: any gain promotes.
                .Replace("significance: 0.05", "significance: 0", StringComparison.Ordinal));
            File.CreateSymbolicLink(Path.Combine(folder, ".recur"), Path.Combine(main, ".recur"));
            projects.Add(folder);
        }

        var runs = projects.Select(async (p, i) =>
        {
            await Task.Delay(300 * i);
            return await CliRunner.RunAsync(dir.Root, "train", "--json", "--project", p);
        }).ToList();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.ExitCode is 0 or 3, r.Stderr));
        var best = results.Max(r => r.Json.GetProperty("candidate").GetProperty("auc").GetDouble());
        var list = (await CliRunner.OkAsync(dir.Root, "models", "list", "--json", "--project", main)).Json.GetProperty("versions");
        var champion = list.EnumerateArray().Single(v => v.GetProperty("aliases").EnumerateArray().Any(a => a.GetString() == "champion"));
        Assert.Equal(best, champion.GetProperty("metrics").GetProperty("auc").GetDouble(), 12);
    }
}

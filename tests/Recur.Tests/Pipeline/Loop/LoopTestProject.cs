using Recur.Core.Data;
using Recur.Pipeline;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Loop;

/// <summary>
/// The adult-small project the loop tests share: a recur.yaml with a small LightGBM, promotion gates that always pass
/// and the given <c>loop:</c> block, ingested and trained (champion v1) in a temporary folder.
/// </summary>
internal static class LoopTestProject
{
    /// <summary>recur.yaml: the shared project with <paramref name="loop"/> as the body of <c>loop:</c> (YAML, one key per line).</summary>
    public static string Yaml(string loop, int iterations = 20, int? seed = null)
    {
        var body = string.Join('\n', loop.Trim('\n').Split('\n').Select(line => "  " + line));
        return $$"""
            name: adult
            label: income
            positive: ">50K"
            key: id
            {{(seed is { } s ? $"seed: {s}" : "")}}
            datasets:
              train: {source: data/train.csv}
            features: {exclude: [fnlwgt]}
            training: {threads: 1, iterations: {{iterations}}, leaves: 8}
            promotion: {min_value: 0.5, min_gain_over_baseline: -1, min_gain_over_champion: -1, significance: 0}
            loop:
            {{body}}

            """;
    }

    /// <summary>Writes the project into <paramref name="dir"/>, ingests adult-small and trains the first champion.</summary>
    public static async Task<(RecurProject Project, DataTable Table)> TrainedAsync(TempDir dir, string yaml, TimeProvider? clock = null, bool registerRejected = false)
    {
        dir.Write("recur.yaml", yaml);
        dir.Write("data/train.csv", File.ReadAllText(TestData.Path("adult-small", "train.csv")));
        var project = RecurProject.Open(dir.Root, clock);
        var snapshot = (await IngestStep.RunAsync(project, "train")).Snapshot;
        var table = await project.ReadAsync(snapshot);
        var trained = await TrainingRun.RunAsync(project, table, null, TrainingRun.Ids(snapshot), dataIsFirstSnapshot: true, registerRejected: registerRejected);
        Assert.NotNull(trained.Registered);
        return (project, table);
    }
}

using System.Globalization;
using Recur.Core.Lake;
using Recur.Core.Runs;
using Recur.Pipeline;
using Recur.Pipeline.Steps;
using Recur.Pipeline.Workflow;

namespace Recur.Tests.Pipeline.Workflow;

/// <summary>A training run's cached steps in a real project: a rerun reads them and ends with the same model file.</summary>
public sealed class TrainingStepsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed class Steps : IStepObserver
    {
        public List<RunStep> Done { get; } = [];

        void IStepObserver.Done(RunStep step) => Done.Add(step);
    }

    private async Task<(RecurProject Project, SnapshotInfo Snapshot)> ProjectAsync(string trainers, string extra = "")
    {
        var random = new Random(5);
        var rows = Enumerable.Range(1, 600).Select(i =>
        {
            var x = random.NextDouble() * 10;
            var c = "c" + random.Next(4);
            var y = x + (c == "c1" ? 3 : 0) + random.NextDouble() * 4 > 8 ? "yes" : "no";
            return string.Create(CultureInfo.InvariantCulture, $"{i},{x:0.###},{c},{y}");
        });
        _dir.Write("p/data.csv", string.Join('\n', ["id,x,c,y", .. rows]) + "\n");
        _dir.Write("p/recur.yaml", $"name: m\nlabel: y\npositive: \"yes\"\nkey: id\ndatasets:\n  train:\n    source: data.csv\ntraining:\n  threads: 1\n  candidates:\n{trainers}{extra}");
        var project = RecurProject.Open(_dir.Path("p"));
        var outcome = await IngestStep.RunAsync(project, "train");
        return (project, outcome.Snapshot);
    }

    private static async Task<(TrainingOutcome Outcome, List<RunStep> Steps)> TrainAsync(RecurProject project, SnapshotInfo snapshot)
    {
        var steps = new Steps();
        var outcome = await TrainingRun.RunAsync(project, await project.ReadAsync(snapshot), null, [snapshot.Id], dataIsFirstSnapshot: true, registerRejected: true, observer: steps);
        return (outcome, steps.Done);
    }

    private static string? Artifact(TrainingOutcome o) => o.Registered?.ArtifactSha256 ?? o.SameAs?.ArtifactSha256;

    [Theory]
    [InlineData("    - trainer: lightgbm\n      params: {iterations: 20, leaves: 8, min_rows_per_leaf: 5}\n")]
    [InlineData("    - trainer: lbfgs\n    - trainer: sdca\n")]
    public async Task RunAsync_RerunWithTheSameInputs_HitsEveryCachedStepAndSavesTheSameBytes(string trainers)
    {
        var (project, snapshot) = await ProjectAsync(trainers);
        var (first, firstSteps) = await TrainAsync(project, snapshot);

        var (again, steps) = await TrainAsync(project, snapshot);

        Assert.All(firstSteps, s => Assert.False(s.CacheHit));
        Assert.All(steps.Where(s => s.Key.Length > 0), s => Assert.True(s.CacheHit, s.Name));
        Assert.Equal(["split", "featurize"], steps.Take(2).Select(s => s.Name));
        Assert.Contains(steps, s => s.Name == "evaluate" && s.Key.Length == 0);
        Assert.Equal(Artifact(first), Artifact(again));
        Assert.NotNull(again.SameAs);
        Assert.Equal(first.Candidates.Select(c => c.Validation["auc"]), again.Candidates.Select(c => c.Validation["auc"]));
    }

    [Fact]
    public async Task RunAsync_CacheOff_FitsAgainAndSavesTheSameBytesAsTheCachedRun()
    {
        var (project, snapshot) = await ProjectAsync("    - trainer: lbfgs\n", "pipeline:\n  cache: false\n");
        var (first, _) = await TrainAsync(project, snapshot);

        var (again, steps) = await TrainAsync(project, snapshot);

        Assert.All(steps, s => Assert.False(s.CacheHit));
        Assert.False(Directory.Exists(_dir.Path("p/.recur/cache/fit")));
        Assert.Equal(Artifact(first), Artifact(again));
    }

    [Fact]
    public async Task RunAsync_OneCandidateChanged_RefitsOnlyThatCandidate()
    {
        var (project, snapshot) = await ProjectAsync("    - trainer: lbfgs\n    - trainer: sdca\n");
        await TrainAsync(project, snapshot);
        project.Config.Training.Candidates[1].Params["l2"] = "0.5";
        project.Config.Promotion.MinGainOverBaseline = -1;

        var (_, steps) = await TrainAsync(project, snapshot);

        Assert.Equal([true, true, true, false], steps.Where(s => s.Key.Length > 0).Select(s => s.CacheHit));
    }
}

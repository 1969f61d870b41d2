using System.Globalization;
using Recur.Core.Runs;
using Recur.Pipeline;
using Recur.Pipeline.Steps;
using Recur.Pipeline.Tuning;
using Recur.Tuning;

namespace Recur.Tests.Pipeline.Tuning;

/// <summary>A study in a real project folder: it sees only the training split, resumes from its journal and is recorded as a run.</summary>
public sealed class TuningStudyTests : IDisposable
{
    private const string Search = """
        training:
          threads: 1
          search:
            sampler: random
            pruner: median
            trials: 4
            space:
              lightgbm:
                iterations: {int: [20, 40]}
                leaves: {int: [4, 16]}
                learning_rate: {real: [0.05, 0.3], log: true}

        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // 600 rows: y depends on x (and noise); with poisoned, every validation row's label is flipped.
    private async Task<(RecurProject Project, Recur.Core.Lake.SnapshotInfo Snapshot)> ProjectAsync(string name, bool poisoned = false)
    {
        var random = new Random(5);
        var rows = Enumerable.Range(1, 600).Select(i =>
        {
            var x = Math.Round(random.NextDouble() * 10, 3);
            var z = Math.Round(random.NextDouble(), 3);
            var y = x + random.NextDouble() * 4 > 7 ? "yes" : "no";
            return (Id: $"r{i}", Line: string.Create(CultureInfo.InvariantCulture, $"r{i},{x},{z},c{random.Next(4)}"), Y: y);
        }).ToList();
        var validation = poisoned ? ValidationIds(rows.Select(r => r.Id)) : [];
        var lines = rows.Select(r => $"{r.Line},{(validation.Contains(r.Id) ? (r.Y == "yes" ? "no" : "yes") : r.Y)}");
        _dir.Write($"{name}/data.csv", string.Join('\n', ["id,x,z,c,y", .. lines]) + "\n");
        _dir.Write($"{name}/recur.yaml", "name: m\nlabel: y\npositive: \"yes\"\nkey: id\nseed: 3\ndatasets:\n  train:\n    source: data.csv\n" + Search.ReplaceLineEndings("\n"));
        var project = RecurProject.Open(_dir.Path(name));
        return (project, (await IngestStep.RunAsync(project, "train")).Snapshot);
    }

    // The ids the project's fingerprint split (on the key, share 0.2) sends to validation.
    private static HashSet<string> ValidationIds(IEnumerable<string> ids) =>
        [.. ids.Where(id => Recur.Lake.Splitting.FingerprintSplitter.IsValidation(id, 0.2))];

    [Fact]
    public async Task Prepare_Snapshot_KeepsOnlyTheTrainingSplitsRows()
    {
        var (project, snapshot) = await ProjectAsync("p");
        var data = await project.ReadAsync(snapshot);

        var (_, train) = TuningInputs.Prepare(project, data);

        var ids = Enumerable.Range(0, train.RowCount).Select(r => train["id"].Format(r)!).ToList();
        var validation = ValidationIds(Enumerable.Range(0, data.RowCount).Select(r => data["id"].Format(r)!));
        Assert.NotEmpty(validation);
        Assert.Equal(data.RowCount - validation.Count, ids.Count);
        Assert.DoesNotContain(ids, validation.Contains);
    }

    [Fact]
    public async Task Run_ValidationLabelsFlipped_SameStudySameTrialValues()
    {
        var (clean, cleanSnapshot) = await ProjectAsync("clean");
        var (poisoned, poisonedSnapshot) = await ProjectAsync("poisoned", poisoned: true);

        var a = await TuneRun.RunAsync(clean, cleanSnapshot, new TuneOverrides(), fresh: false, CancellationToken.None);
        var b = await TuneRun.RunAsync(poisoned, poisonedSnapshot, new TuneOverrides(), fresh: false, CancellationToken.None);

        // Tuning never reads the validation rows: flipping every one of their labels changes neither the study nor a single value.
        Assert.Equal(a.Key, b.Key);
        Assert.Equal(a.Result.Trials.Select(t => (t.Value, t.Low, t.High)), b.Result.Trials.Select(t => (t.Value, t.Low, t.High)));
        Assert.Equal(4, a.Result.Trials.Count);
    }

    [Fact]
    public async Task Run_Twice_SecondResumesEveryTrialAndRunsNone_FreshStartsAgain()
    {
        var (project, snapshot) = await ProjectAsync("p");

        var first = await TuneRun.RunAsync(project, snapshot, new TuneOverrides(Trials: 3), fresh: false, CancellationToken.None);
        var second = await TuneRun.RunAsync(project, snapshot, new TuneOverrides(Trials: 3), fresh: false, CancellationToken.None);
        var more = await TuneRun.RunAsync(project, snapshot, new TuneOverrides(Trials: 4), fresh: false, CancellationToken.None);
        var fresh = await TuneRun.RunAsync(project, snapshot, new TuneOverrides(Trials: 2), fresh: true, CancellationToken.None);

        Assert.Equal((0, 3), (first.Result.Resumed, first.Result.Trials.Count));
        Assert.Equal((3, 3), (second.Result.Resumed, second.Result.Trials.Count));
        Assert.Equal(first.Result.Trials.Select(t => t.Value), second.Result.Trials.Select(t => t.Value));
        Assert.Equal((3, 4), (more.Result.Resumed, more.Result.Trials.Count));
        Assert.Equal((0, 2), (fresh.Result.Resumed, fresh.Result.Trials.Count));
        Assert.Equal(TuningStudy.JournalPath(project.Root, first.Key), first.Journal);
        Assert.True(File.Exists(first.Journal));
        var runs = await project.Runs.ListAsync();
        Assert.All(runs, r => Assert.Equal((TuneRun.Kind, RunStatus.Finished, "auc"), (r.Kind, r.Status, r.Metric)));
        Assert.Equal(4, runs.Count);
        Assert.Contains("best trial", runs[0].Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LightGbmTrials_ReportIntermediateValuesEveryTenRounds()
    {
        var (project, snapshot) = await ProjectAsync("p");

        var outcome = await TuneRun.RunAsync(project, snapshot, new TuneOverrides(Pruner: "none"), fresh: false, CancellationToken.None);

        Assert.All(outcome.Result.Trials, t =>
        {
            Assert.Equal(TrialState.Complete, t.State);
            var iterations = int.Parse(t.Parameters["iterations"], CultureInfo.InvariantCulture);
            Assert.Equal(Enumerable.Range(1, iterations / 10).Select(k => k * 10), t.Intermediate.Select(i => i.Step));
            Assert.InRange(t.Value, t.Low, t.High);
            Assert.InRange(t.Value, 0.6, 1);
        });
    }

    [Fact]
    public async Task Run_BadOverride_FailsNamingTheOptionBeforeAnyRun()
    {
        var (project, snapshot) = await ProjectAsync("p");

        var e = await Assert.ThrowsAsync<Recur.Core.RecurException>(() => TuneRun.RunAsync(project, snapshot, new TuneOverrides(Parallel: 99), fresh: false, CancellationToken.None));

        Assert.Equal("--parallel", e.Field);
        Assert.Empty(await project.Runs.ListAsync());
    }

    [Fact]
    public async Task Train_SearchDeclared_AddsTheTunedCandidateFromTheSameStudy()
    {
        var (project, snapshot) = await ProjectAsync("p");
        var tuned = await TuneRun.RunAsync(project, snapshot, new TuneOverrides(), fresh: false, CancellationToken.None);
        var lines = File.ReadAllLines(tuned.Journal!).Length;

        var outcome = await TrainingRun.RunAsync(project, await project.ReadAsync(snapshot), null, [snapshot.Id], dataIsFirstSnapshot: true, registerRejected: true);

        var candidate = Assert.Single(outcome.Candidates, c => c.Framing == "tuned");
        Assert.Equal("lightgbm", candidate.Trainer);
        Assert.Contains($"trial {tuned.Result.Best!.Number}", candidate.Description, StringComparison.Ordinal);
        Assert.Contains("4 resumed", candidate.Description, StringComparison.Ordinal);
        Assert.Equal(tuned.Result.Best.Parameters["leaves"], candidate.Parameters["leaves"]);
        Assert.Equal(lines, File.ReadAllLines(tuned.Journal!).Length);
    }
}

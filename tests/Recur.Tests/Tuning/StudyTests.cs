using Recur.Core;
using Recur.Tuning;

namespace Recur.Tests.Tuning;

public sealed class StudyTests
{
    private static readonly SearchSpace Line = new([new ParameterSpace("x", ParameterKind.Real, 0, 1)]);

    private static TrialResult Value(Trial t) => new(t.Parameters.GetReal("x"), double.NaN, double.NaN);

    private static StudyResult Run(Objective objective, StudyOptions options, ITrialJournal? journal = null, TimeProvider? time = null,
        ISampler? sampler = null, SearchSpace? space = null) =>
        Study.Run(space ?? Line, sampler ?? new RandomSampler(), new NoPruner(), objective, options, journal ?? new MemoryJournal(),
            time ?? TimeProvider.System, CancellationToken.None);

    [Fact]
    public void Run_Parallel_RunsExactlyMaxTrials()
    {
        var calls = 0;
        var result = Run((t, _, _) =>
        {
            Interlocked.Increment(ref calls);
            Thread.Sleep(1);
            return Value(t);
        }, new StudyOptions(false, 25, 0, Math.Min(2, Environment.ProcessorCount), 1));

        Assert.Equal(25, calls);
        Assert.Equal(Enumerable.Range(0, 25), result.Trials.Select(t => t.Number));
        Assert.Equal(0, result.Resumed);
    }

    [Fact]
    public void Run_MoreParallelThanCores_FailsNamingTheOption()
    {
        var e = Assert.Throws<RecurException>(() => Run((t, _, _) => Value(t), new StudyOptions(false, 5, 0, Environment.ProcessorCount + 1, 1)));

        Assert.Contains("--parallel", e.Message, StringComparison.Ordinal);
        Assert.Equal("training.search.parallel", e.Field);
    }

    [Fact]
    public void Run_ZeroBudget_FailsBeforeAnyTrial()
    {
        var calls = 0;

        var e = Assert.Throws<RecurException>(() => Run((t, _, _) => { calls++; return Value(t); }, new StudyOptions(false, 0, 0, 1, 1)));

        Assert.Contains("zero trials and zero seconds", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Run_ImpossibleSpace_FailsBeforeAnyTrial()
    {
        var calls = 0;
        var space = new SearchSpace([new ParameterSpace("rate", ParameterKind.Real, 0, 1, Log: true, Key: "training.search.space.lightgbm.rate")]);

        var e = Assert.Throws<RecurException>(() => Run((t, _, _) => { calls++; return Value(t); }, new StudyOptions(false, 5, 0, 1, 1), space: space));

        Assert.Equal("training.search.space.lightgbm.rate", e.Field);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Run_SomeTrialsFail_RecordsThemAndGoesOn()
    {
        var result = Run((t, _, _) => t.Number % 2 == 1 ? throw new InvalidOperationException($"boom {t.Number}") : Value(t),
            new StudyOptions(false, 6, 0, 1, 1));

        Assert.Equal(6, result.Trials.Count);
        var failed = result.Trials.Where(t => t.State == TrialState.Failed).ToList();
        Assert.Equal([1, 3, 5], failed.Select(t => t.Number));
        Assert.Equal("boom 3", failed[1].Error);
        Assert.True(double.IsNaN(failed[1].Value));
        Assert.Equal(TrialState.Complete, result.Best!.State);
    }

    [Fact]
    public void Run_EveryTrialFails_SaysSo()
    {
        var e = Assert.Throws<RecurException>(() => Run((_, _, _) => throw new InvalidOperationException("no data"), new StudyOptions(false, 3, 0, 1, 1)));

        Assert.Contains("every one of the 3 trials failed", e.Message, StringComparison.Ordinal);
        Assert.Contains("no data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TimeBudget_StopsStartingTrialsOnceSpent()
    {
        var time = new FakeTime();

        var result = Run((t, _, _) => { time.Advance(10); return Value(t); }, new StudyOptions(false, 0, 35, 1, 1), time: time);

        // Trials start at 0, 10, 20 and 30 seconds; at 40 the budget of 35 is spent.
        Assert.Equal(4, result.Trials.Count);
        Assert.Equal(40, result.Seconds, 6);
        Assert.All(result.Trials, t => Assert.Equal(10, t.Seconds, 6));
    }

    [Fact]
    public void Run_TimeAndTrialBudget_WhicheverComesFirst()
    {
        var time = new FakeTime();

        var result = Run((t, _, _) => { time.Advance(1); return Value(t); }, new StudyOptions(false, 3, 100, 1, 1), time: time);

        Assert.Equal(3, result.Trials.Count);
    }

    [Fact]
    public void Run_PrunedTrial_KeepsItsLastIntermediateValue()
    {
        var pruneAtStep3 = new StepPruner(3);
        var result = Study.Run(Line, new RandomSampler(), pruneAtStep3, (t, reporter, _) =>
            {
                for (var step = 1; step <= 10; step++)
                {
                    if (!reporter.Report(step, step / 10.0))
                        break;
                }
                return new TrialResult(1, 1, 1);
            }, new StudyOptions(true, 2, 0, 1, 1), new MemoryJournal(), TimeProvider.System, CancellationToken.None);

        Assert.All(result.Trials, t =>
        {
            Assert.Equal(TrialState.Pruned, t.State);
            Assert.Equal(0.3, t.Value, 9);
            Assert.Equal([1, 2, 3], t.Intermediate.Select(i => i.Step));
        });
        Assert.Null(result.Best);
    }

    [Fact]
    public void Run_ObjectiveThrowsAfterPruning_TrialIsPrunedNotFailed()
    {
        var result = Study.Run(Line, new RandomSampler(), new StepPruner(2), (t, reporter, _) =>
            {
                reporter.Report(1, 0.1);
                return reporter.Report(2, 0.2) ? new TrialResult(1, 1, 1) : throw new OperationCanceledException("pruned");
            }, new StudyOptions(true, 1, 0, 1, 1), new MemoryJournal(), TimeProvider.System, CancellationToken.None);

        Assert.Equal(TrialState.Pruned, result.Trials[0].State);
        Assert.Equal(0.2, result.Trials[0].Value);
    }

    [Fact]
    public void Best_TiedValues_TheLowerNumberWins()
    {
        var none = new Dictionary<string, string>();
        TrialRecord T(int n, double v, TrialState s = TrialState.Complete) => new(n, none, s, v, double.NaN, double.NaN, [], 0);

        var best = Study.Best([T(4, 0.9), T(2, 0.9), T(1, 0.95, TrialState.Pruned), T(3, 0.5)], maximize: true);

        Assert.Equal(2, best!.Number);
    }

    [Fact]
    public void Run_Cancelled_RecordsNoUnfinishedTrial()
    {
        using var cts = new CancellationTokenSource();
        var journal = new MemoryJournal();

        Assert.ThrowsAny<OperationCanceledException>(() => Study.Run(Line, new RandomSampler(), new NoPruner(), (t, _, ct) =>
            {
                if (t.Number == 2)
                {
                    cts.Cancel();
                    ct.ThrowIfCancellationRequested();
                }
                return Value(t);
            }, new StudyOptions(false, 10, 0, 1, 1), journal, TimeProvider.System, cts.Token));

        Assert.Equal([0, 1], journal.Load().Select(t => t.Number));
    }

    private sealed class StepPruner(int step) : IPruner
    {
        public string Name => "at-step";

        public bool ShouldPrune(int number, int at, double value, IReadOnlyList<TrialRecord> history,
            IReadOnlyDictionary<int, IReadOnlyList<IntermediateValue>> running, bool maximize) => at >= step;
    }
}

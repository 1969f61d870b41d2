using Recur.Tuning;

namespace Recur.Tests.Tuning;

public sealed class AshaPrunerTests
{
    private static TrialRecord Finished(int number, double valueAtStep3) =>
        new(number, new Dictionary<string, string>(), TrialState.Complete, valueAtStep3, double.NaN, double.NaN,
            [new IntermediateValue(1, valueAtStep3 / 2), new IntermediateValue(3, valueAtStep3), new IntermediateValue(9, valueAtStep3)], 1);

    private static Dictionary<int, IReadOnlyList<IntermediateValue>> Own(int number, params int[] steps) =>
        new() { [number] = [.. steps.Select(s => new IntermediateValue(s, 0))] };

    [Fact]
    public void ShouldPrune_FewerThanEtaAtTheRung_Promotes()
    {
        var history = new[] { Finished(0, 0.9) };

        Assert.False(new AshaPruner().ShouldPrune(5, 3, 0.1, history, Own(5, 1, 2, 3), maximize: true));
    }

    [Fact]
    public void ShouldPrune_AtRung_KeepsOnlyTheTopThird()
    {
        // Rung 3 holds 0.1 … 0.8 from eight finished trials; with this trial nine values, so the top three go on.
        var history = Enumerable.Range(0, 8).Select(i => Finished(i, 0.1 * (i + 1))).ToArray();
        var pruner = new AshaPruner();

        Assert.False(pruner.ShouldPrune(9, 3, 0.75, history, Own(9, 1, 2, 3), maximize: true));
        Assert.True(pruner.ShouldPrune(9, 3, 0.55, history, Own(9, 1, 2, 3), maximize: true));
        Assert.False(pruner.ShouldPrune(9, 3, 0.15, history, Own(9, 1, 2, 3), maximize: false));
        Assert.True(pruner.ShouldPrune(9, 3, 0.35, history, Own(9, 1, 2, 3), maximize: false));
    }

    [Fact]
    public void ShouldPrune_BetweenRungs_Keeps()
    {
        var history = Enumerable.Range(0, 8).Select(i => Finished(i, 0.1 * (i + 1))).ToArray();

        Assert.False(new AshaPruner().ShouldPrune(9, 5, 0.01, history, Own(9, 1, 2, 3, 4, 5), maximize: true));
    }

    [Fact]
    public void ShouldPrune_ReportJumpsPastARung_JudgedAtThatRung()
    {
        // Reports every 5 steps: step 5 is the first at or past rung 3 and is judged there.
        var history = Enumerable.Range(0, 8).Select(i => Finished(i, 0.1 * (i + 1))).ToArray();

        Assert.True(new AshaPruner().ShouldPrune(9, 5, 0.2, history, Own(9, 5), maximize: true));
    }

    [Fact]
    public void Study_SyntheticCurves_PrunesBadTrialsAndKeepsGoodOnes()
    {
        var result = LearningCurves.Run(new AshaPruner());

        var pruned = result.Trials.Where(t => t.State == TrialState.Pruned).ToList();
        Assert.True(pruned.Count >= result.Trials.Count / 2, $"{pruned.Count} of {result.Trials.Count} pruned");
        Assert.Equal(result.Trials.Max(LearningCurves.Quality), LearningCurves.Quality(result.Best!), 6);
        var ordered = result.Trials.OrderBy(LearningCurves.Quality).ToList();
        Assert.All(ordered.Take(ordered.Count / 3).Where(t => t.Number >= 3), t => Assert.Equal(TrialState.Pruned, t.State));
        // Pruned trials stop early: far fewer steps in all than running every trial to the end.
        var steps = result.Trials.Sum(t => t.Intermediate.Count);
        Assert.True(steps < 0.6 * result.Trials.Count * LearningCurves.Steps, $"{steps} steps");
    }
}

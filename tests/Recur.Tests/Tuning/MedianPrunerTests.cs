using Recur.Tuning;

namespace Recur.Tests.Tuning;

public sealed class MedianPrunerTests
{
    private static TrialRecord Complete(int number, double valueAtStep10) =>
        new(number, new Dictionary<string, string>(), TrialState.Complete, valueAtStep10, double.NaN, double.NaN,
            [new IntermediateValue(5, valueAtStep10 / 2), new IntermediateValue(10, valueAtStep10)], 1);

    private static readonly TrialRecord[] Five = [Complete(0, 0.5), Complete(1, 0.6), Complete(2, 0.7), Complete(3, 0.8), Complete(4, 0.9)];

    private static readonly Dictionary<int, IReadOnlyList<IntermediateValue>> NoneRunning = [];

    [Theory]
    [InlineData(0.65, true)]
    [InlineData(0.75, false)]
    public void ShouldPrune_Maximize_PrunesBelowTheMedianAtTheStep(double value, bool pruned)
    {
        Assert.Equal(pruned, new MedianPruner().ShouldPrune(9, 10, value, Five, NoneRunning, maximize: true));
    }

    [Theory]
    [InlineData(0.65, false)]
    [InlineData(0.75, true)]
    public void ShouldPrune_Minimize_PrunesAboveTheMedianAtTheStep(double value, bool pruned)
    {
        Assert.Equal(pruned, new MedianPruner().ShouldPrune(9, 10, value, Five, NoneRunning, maximize: false));
    }

    [Fact]
    public void ShouldPrune_BeforeStartupTrialsComplete_Keeps()
    {
        Assert.False(new MedianPruner().ShouldPrune(9, 10, 0.1, Five[..4], NoneRunning, maximize: true));
    }

    [Fact]
    public void ShouldPrune_BeforeWarmupSteps_Keeps()
    {
        Assert.False(new MedianPruner(new MedianOptions(WarmupSteps: 20)).ShouldPrune(9, 10, 0.1, Five, NoneRunning, maximize: true));
    }

    [Fact]
    public void ShouldPrune_RunningTrialsCount()
    {
        var running = new Dictionary<int, IReadOnlyList<IntermediateValue>>
        {
            [7] = [new IntermediateValue(10, 0.95)],
            [8] = [new IntermediateValue(10, 0.96)],
        };

        // Finished 0.5..0.9 plus running 0.95, 0.96: the median moves from 0.7 to 0.8.
        Assert.True(new MedianPruner().ShouldPrune(9, 10, 0.75, Five, running, maximize: true));
    }

    [Fact]
    public void Study_SyntheticCurves_PrunesBadTrialsAndKeepsGoodOnes()
    {
        var result = LearningCurves.Run(new MedianPruner());

        var pruned = result.Trials.Where(t => t.State == TrialState.Pruned).ToList();
        var bestQuality = result.Trials.Max(LearningCurves.Quality);
        Assert.True(pruned.Count >= result.Trials.Count / 3, $"{pruned.Count} of {result.Trials.Count} pruned");
        Assert.Equal(bestQuality, LearningCurves.Quality(result.Best!), 6);
        // Every trial in the bottom fifth by quality that came after the start-up trials is pruned; the top three are kept.
        var ordered = result.Trials.OrderBy(LearningCurves.Quality).ToList();
        Assert.All(ordered.Take(ordered.Count / 5).Where(t => t.Number >= 5), t => Assert.Equal(TrialState.Pruned, t.State));
        Assert.All(ordered.TakeLast(3), t => Assert.Equal(TrialState.Complete, t.State));
        var complete = result.Trials.Where(t => t.State == TrialState.Complete).Average(LearningCurves.Quality);
        Assert.True(complete > pruned.Average(LearningCurves.Quality) + 0.25, $"mean quality kept {complete:F2}");
    }
}

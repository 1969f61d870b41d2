using Recur.Tuning;

namespace Recur.Tests.Tuning;

public sealed class TpeSamplerTests
{
    private const int Seeds = 8;

    [Fact]
    public void Sample_ShiftedSphereWithLogParameter_BeatsRandomClearly()
    {
        var tpe = Optimise.MeanBest(new TpeSampler(), TestSpaces.Sphere, TestSpaces.SphereValue, 80, Seeds);
        var random = Optimise.MeanBest(new RandomSampler(), TestSpaces.Sphere, TestSpaces.SphereValue, 80, Seeds);

        Assert.True(tpe < 0.5 * random, $"TPE {tpe:F3} vs random {random:F3}");
    }

    [Fact]
    public void Sample_Branin_BeatsRandomClearly()
    {
        const double optimum = 0.397887;
        var tpe = Optimise.MeanBest(new TpeSampler(), TestSpaces.Branin, TestSpaces.BraninValue, 60, Seeds) - optimum;
        var random = Optimise.MeanBest(new RandomSampler(), TestSpaces.Branin, TestSpaces.BraninValue, 60, Seeds) - optimum;

        Assert.True(tpe < 0.6 * random, $"TPE gap {tpe:F3} vs random gap {random:F3}");
    }

    [Fact]
    public void Sample_ConditionalSpaceWithChoice_BeatsRandomClearly()
    {
        // The median over seeds: like Optuna's, independent TPE can settle on the runner-up choice (b, floor 0.5) when it looks best
        // early, and a mean over few seeds is ruled by those runs; docs/design/tuning.md says so.
        var tpe = Optimise.MedianBest(new TpeSampler(), TestSpaces.Conditional, TestSpaces.ConditionalValue, 80, 9);
        var random = Optimise.MedianBest(new RandomSampler(), TestSpaces.Conditional, TestSpaces.ConditionalValue, 80, 9);

        Assert.True(tpe < 0.25 * random, $"TPE {tpe:F4} vs random {random:F4}");
    }

    [Fact]
    public void Sample_SameHistoryAndSeed_SameValues()
    {
        var history = Optimise.Run(new RandomSampler(), TestSpaces.Gbm, p => p.GetReal("learning_rate"), 20, 1).Trials;

        var a = new TpeSampler().Sample(TestSpaces.Gbm, history, 20, false, 9);
        var b = new TpeSampler().Sample(TestSpaces.Gbm, history, 20, false, 9);

        Assert.Equal(a, b);
    }

    [Fact]
    public void Run_OneWorker_WholeStudyIsDeterministic()
    {
        var a = Optimise.Run(new TpeSampler(), TestSpaces.Conditional, TestSpaces.ConditionalValue, 30, 5);
        var b = Optimise.Run(new TpeSampler(), TestSpaces.Conditional, TestSpaces.ConditionalValue, 30, 5);

        Assert.Equal(a.Trials.Select(t => t.Parameters), b.Trials.Select(t => t.Parameters));
    }

    [Fact]
    public void Sample_AfterStartup_StaysInRangeAndActive()
    {
        var history = Optimise.Run(new TpeSampler(), TestSpaces.Conditional, TestSpaces.ConditionalValue, 40, 3).Trials;

        foreach (var t in history)
        {
            var trainer = t.Parameters.GetChoice("trainer");
            Assert.Equal(trainer == "a", t.Parameters.ContainsKey("rate"));
            if (trainer == "a")
                Assert.InRange(t.Parameters.GetReal("rate"), 1e-4, 1);
            if (trainer == "c")
                Assert.InRange(t.Parameters.GetInt("n"), 1, 50);
        }
    }

    [Fact]
    public void Sample_Maximize_FollowsTheLargerValues()
    {
        var space = new SearchSpace([new ParameterSpace("x", ParameterKind.Real, 0, 1)]);
        var result = Study.Run(space, new TpeSampler(), new NoPruner(), (t, _, _) => new TrialResult(t.Parameters.GetReal("x"), double.NaN, double.NaN),
            new StudyOptions(true, 40, 0, 1, 2), new MemoryJournal(), TimeProvider.System, CancellationToken.None);

        var late = result.Trials.Skip(20).Average(t => t.Parameters.GetReal("x"));
        Assert.True(late > 0.7, $"mean x of the later trials {late:F3}");
    }
}

using Recur.Tuning;

namespace Recur.Tests.Tuning;

public sealed class RandomSamplerTests
{
    private static List<IReadOnlyDictionary<string, string>> Draws(SearchSpace space, int count, int seed = 7) =>
        [.. Enumerable.Range(0, count).Select(n => new RandomSampler().Sample(space, [], n, maximize: false, seed))];

    [Fact]
    public void Sample_ManyDraws_StayInRangeAndIntsAreWhole()
    {
        foreach (var p in Draws(TestSpaces.Gbm, 2000))
        {
            Assert.InRange(p.GetReal("trees"), 20, 500);
            Assert.DoesNotContain(".", p["trees"], StringComparison.Ordinal);
            Assert.DoesNotContain(".", p["leaves"], StringComparison.Ordinal);
            Assert.InRange(p.GetInt("leaves"), 4, 128);
            Assert.InRange(p.GetReal("learning_rate"), 0.001, 0.5);
            Assert.InRange(p.GetReal("feature_fraction"), 0.3, 1.0);
        }
    }

    [Fact]
    public void Sample_IntRange_ReachesBothEnds()
    {
        var space = new SearchSpace([new ParameterSpace("n", ParameterKind.Int, 1, 4), new ParameterSpace("m", ParameterKind.Int, 1, 4, Log: true)]);

        var draws = Draws(space, 500);

        Assert.Equal([1, 2, 3, 4], draws.Select(d => d.GetInt("n")).Distinct().Order());
        Assert.Equal([1, 2, 3, 4], draws.Select(d => d.GetInt("m")).Distinct().Order());
    }

    [Fact]
    public void Sample_LogScale_IsUniformInLogSpace()
    {
        var space = new SearchSpace([new ParameterSpace("rate", ParameterKind.Real, 1e-4, 1, Log: true)]);

        var logs = Draws(space, 4000).Select(d => Math.Log10(d.GetReal("rate"))).ToList();

        // Quartiles of log10(rate) on [-4, 0] sit at -3, -2, -1.
        Assert.InRange(logs.Count(l => l < -3) / 4000.0, 0.22, 0.28);
        Assert.InRange(logs.Count(l => l < -2) / 4000.0, 0.47, 0.53);
        Assert.InRange(logs.Count(l => l < -1) / 4000.0, 0.72, 0.78);
    }

    [Fact]
    public void Sample_SameSeedAndNumber_SameValues()
    {
        var sampler = new RandomSampler();

        var a = sampler.Sample(TestSpaces.Gbm, [], 5, false, 42);
        var b = sampler.Sample(TestSpaces.Gbm, [], 5, false, 42);
        var c = sampler.Sample(TestSpaces.Gbm, [], 5, false, 43);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Sample_ConditionalSpace_DrawsOnlyActiveParameters()
    {
        foreach (var p in Draws(TestSpaces.Conditional, 300))
        {
            var trainer = p.GetChoice("trainer");
            Assert.Equal(trainer is "a" or "b", p.ContainsKey("x"));
            Assert.Equal(trainer == "a", p.ContainsKey("rate"));
            Assert.Equal(trainer == "c", p.ContainsKey("n"));
        }
    }
}

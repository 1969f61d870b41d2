using Recur.Tuning;

namespace Recur.Tests.Tuning;

/// <summary>Runs a one-worker study minimising a known function, with no pruner.</summary>
internal static class Optimise
{
    public static StudyResult Run(ISampler sampler, SearchSpace space, Func<IReadOnlyDictionary<string, string>, double> f, int trials, int seed) =>
        Study.Run(space, sampler, new NoPruner(), (trial, _, _) => Result(f(trial.Parameters)),
            new StudyOptions(Maximize: false, MaxTrials: trials, Seconds: 0, Parallel: 1, Seed: seed), new MemoryJournal(), TimeProvider.System,
            CancellationToken.None);

    public static double MeanBest(ISampler sampler, SearchSpace space, Func<IReadOnlyDictionary<string, string>, double> f, int trials, int seeds) =>
        Enumerable.Range(0, seeds).Average(seed => Run(sampler, space, f, trials, seed).Best!.Value);

    public static double MedianBest(ISampler sampler, SearchSpace space, Func<IReadOnlyDictionary<string, string>, double> f, int trials, int seeds)
    {
        var best = Enumerable.Range(0, seeds).Select(seed => Run(sampler, space, f, trials, seed).Best!.Value).Order().ToList();
        return seeds % 2 == 1 ? best[seeds / 2] : (best[seeds / 2 - 1] + best[seeds / 2]) / 2;
    }

    private static TrialResult Result(double v) => new(v, double.NaN, double.NaN);
}

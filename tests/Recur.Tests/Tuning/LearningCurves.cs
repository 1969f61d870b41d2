using Recur.Tuning;

namespace Recur.Tests.Tuning;

/// <summary>
/// A synthetic learning-curve objective (maximised): a trial's quality q = x in [0, 1]; at step s it reports
/// q · (1 − e^(−s/15)) + a little seeded noise, for 60 steps, stopping when told.
/// </summary>
internal static class LearningCurves
{
    public static readonly SearchSpace Space = new([new ParameterSpace("x", ParameterKind.Real, 0, 1)]);

    public const int Steps = 60;

    public static TrialResult Objective(Trial trial, ITrialReporter reporter, CancellationToken ct)
    {
        var q = trial.Parameters.GetReal("x");
        var noise = new Random(trial.Number);
        var value = 0.0;
        for (var step = 1; step <= Steps; step++)
        {
            value = q * (1 - Math.Exp(-step / 15.0)) + 0.002 * (noise.NextDouble() - 0.5);
            if (!reporter.Report(step, value))
                break;
        }
        return new TrialResult(value, value - 0.01, value + 0.01);
    }

    public static StudyResult Run(IPruner pruner, int trials = 40, int seed = 11) =>
        Study.Run(Space, new RandomSampler(), pruner, Objective, new StudyOptions(true, trials, 0, 1, seed), new MemoryJournal(),
            TimeProvider.System, CancellationToken.None);

    public static double Quality(TrialRecord t) => t.Parameters.GetReal("x");
}

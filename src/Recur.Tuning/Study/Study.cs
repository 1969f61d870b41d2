using Recur.Core;
using Recur.Tuning.Internal;

namespace Recur.Tuning;

/// <summary>
/// Runs a search: <see cref="StudyOptions.Parallel"/> workers each take the next trial (sampled from the trials finished at that
/// moment), run the objective with a reporter that consults the pruner, and record the finished trial in the journal. Trials already
/// in the journal are not rerun; they count toward the trial budget and numbering continues after them.
/// </summary>
public static class Study
{
    /// <summary>
    /// Runs the study until <see cref="StudyOptions.MaxTrials"/> trials exist or <see cref="StudyOptions.Seconds"/> have passed (no new
    /// trial starts after that; running ones finish). A failed objective becomes a failed trial and the study goes on; when every
    /// trial failed, it throws naming the first error. Bad options or an impossible space throw before any trial runs.
    /// </summary>
    public static StudyResult Run(SearchSpace space, ISampler sampler, IPruner pruner, Objective objective, StudyOptions options,
        ITrialJournal journal, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(pruner);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(time);
        Check(options);
        SearchSpaceCheck.Validate(space);

        var resumed = journal.Load();
        var started = time.GetTimestamp();
        bool TimeLeft() => options.Seconds <= 0 || time.GetElapsedTime(started).TotalSeconds < options.Seconds;
        var state = new StudyState(space, sampler, pruner, options, journal, resumed, TimeLeft);

        var workers = Enumerable.Range(0, options.Parallel)
            .Select(_ => Task.Factory.StartNew(() => Work(state, objective, time, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        Task.WaitAll(workers, CancellationToken.None);

        var trials = state.Finished();
        var best = Best(trials, options.Maximize);
        if (best is null && trials.Count > 0 && trials.All(t => t.State == TrialState.Failed))
        {
            var first = trials[0];
            throw RecurException.Invalid($"every one of the {trials.Count} trials failed; trial {first.Number} failed with: {first.Error}");
        }
        ct.ThrowIfCancellationRequested();
        return new StudyResult(trials, best, time.GetElapsedTime(started).TotalSeconds, resumed.Count);
    }

    /// <summary>The best complete trial by value (ties go to the lower number); null when none completed with a finite value.</summary>
    public static TrialRecord? Best(IEnumerable<TrialRecord> trials, bool maximize)
    {
        TrialRecord? best = null;
        foreach (var t in trials.Where(t => t.State == TrialState.Complete && double.IsFinite(t.Value)).OrderBy(t => t.Number))
        {
            if (best is null || (maximize ? t.Value > best.Value : t.Value < best.Value))
                best = t;
        }
        return best;
    }

    private static void Check(StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string parallelKey = "training.search.parallel";
        if (options.Parallel < 1)
            throw RecurException.Invalid($"--parallel / {parallelKey}: {options.Parallel} trials at once is not a number of workers; use 1 or more", parallelKey);
        if (options.Parallel > Environment.ProcessorCount)
            throw RecurException.Invalid(
                $"--parallel / {parallelKey}: {options.Parallel} trials at once is more than this machine's {Environment.ProcessorCount} cores", parallelKey);
        if (options.MaxTrials < 0)
            throw RecurException.Invalid($"--trials / training.search.trials: {options.MaxTrials} is below 0", "training.search.trials");
        if (options.Seconds < 0 || double.IsNaN(options.Seconds))
            throw RecurException.Invalid($"--seconds / training.search.seconds: {options.Seconds} is not a budget", "training.search.seconds");
        if (options.MaxTrials == 0 && options.Seconds == 0)
            throw RecurException.Invalid(
                "training.search: a budget of zero trials and zero seconds runs nothing; set trials (--trials) or seconds (--seconds)", "training.search.trials");
    }

    private static void Work(StudyState state, Objective objective, TimeProvider time, CancellationToken ct)
    {
        while (state.NextTrial(ct) is { } trial)
        {
            var reporter = new TrialReporter(state, trial.Number);
            var began = time.GetTimestamp();
            TrialRecord record;
            try
            {
                var result = objective(trial, reporter, ct);
                var seconds = time.GetElapsedTime(began).TotalSeconds;
                var curve = state.Curve(trial.Number);
                record = reporter.Pruned
                    ? new TrialRecord(trial.Number, trial.Parameters, TrialState.Pruned, curve.Count > 0 ? curve[^1].Value : double.NaN,
                        double.NaN, double.NaN, curve, seconds)
                    : new TrialRecord(trial.Number, trial.Parameters, TrialState.Complete, result.Value, result.Low, result.High, curve, seconds);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                state.Abandon(trial.Number);
                return;
            }
#pragma warning disable CA1031 // An objective may stop a pruned trial by throwing; the trial is pruned, not failed.
            catch (Exception) when (reporter.Pruned)
#pragma warning restore CA1031
            {
                var curve = state.Curve(trial.Number);
                record = new TrialRecord(trial.Number, trial.Parameters, TrialState.Pruned, curve.Count > 0 ? curve[^1].Value : double.NaN,
                    double.NaN, double.NaN, curve, time.GetElapsedTime(began).TotalSeconds);
            }
#pragma warning disable CA1031 // A trial's failure of any kind is recorded and the study goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                record = new TrialRecord(trial.Number, trial.Parameters, TrialState.Failed, double.NaN, double.NaN, double.NaN,
                    state.Curve(trial.Number), time.GetElapsedTime(began).TotalSeconds, e.Message);
            }
            state.Finish(record);
        }
    }
}

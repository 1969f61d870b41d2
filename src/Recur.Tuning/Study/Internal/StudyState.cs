namespace Recur.Tuning.Internal;

/// <summary>
/// The study's shared state under one lock: the finished trials, the running trials' intermediate values, the next number and the
/// budget. Sampling happens under the lock too, so with one worker the order of draws (and so the study) is fixed by the seed.
/// </summary>
internal sealed class StudyState(SearchSpace space, ISampler sampler, IPruner pruner, StudyOptions options, ITrialJournal journal,
    IReadOnlyList<TrialRecord> resumed, Func<bool> timeLeft)
{
    private readonly Lock _gate = new();
    private readonly List<TrialRecord> _finished = [.. resumed];
    private readonly Dictionary<int, List<IntermediateValue>> _running = [];
    private int _next = resumed.Count == 0 ? 0 : resumed.Max(t => t.Number) + 1;

    /// <summary>The next trial to run, sampled from the trials finished by now; null once the budget is spent.</summary>
    public Trial? NextTrial(CancellationToken ct)
    {
        lock (_gate)
        {
            if (ct.IsCancellationRequested || !timeLeft())
                return null;
            if (options.MaxTrials > 0 && _finished.Count + _running.Count >= options.MaxTrials)
                return null;
            var number = _next++;
            var parameters = sampler.Sample(space, _finished.ToList(), number, options.Maximize, options.Seed);
            _running[number] = [];
            return new Trial(number, parameters);
        }
    }

    /// <summary>Records an intermediate value and answers whether the pruner stops the trial there.</summary>
    public bool ReportAndJudge(int number, int step, double value)
    {
        lock (_gate)
        {
            var curve = _running[number];
            curve.RemoveAll(p => p.Step == step);
            curve.Add(new IntermediateValue(step, value));
            curve.Sort((a, b) => a.Step.CompareTo(b.Step));
            var running = _running.ToDictionary(r => r.Key, r => (IReadOnlyList<IntermediateValue>)[.. r.Value]);
            return pruner.ShouldPrune(number, step, value, _finished.ToList(), running, options.Maximize);
        }
    }

    /// <summary>The values a running trial has reported so far.</summary>
    public IReadOnlyList<IntermediateValue> Curve(int number)
    {
        lock (_gate)
            return [.. _running[number]];
    }

    /// <summary>Records a finished trial in the history and the journal.</summary>
    public void Finish(TrialRecord record)
    {
        lock (_gate)
        {
            journal.Append(record);
            _running.Remove(record.Number);
            _finished.Add(record);
        }
    }

    /// <summary>Drops a trial stopped by cancellation: it was never finished, so a resumed study runs it again.</summary>
    public void Abandon(int number)
    {
        lock (_gate)
            _running.Remove(number);
    }

    public List<TrialRecord> Finished()
    {
        lock (_gate)
            return [.. _finished.OrderBy(t => t.Number)];
    }
}

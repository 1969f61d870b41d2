using Recur.Tuning;

namespace Recur.Tests.Tuning;

/// <summary>A journal in memory, for studies whose resumption is not under test.</summary>
internal sealed class MemoryJournal(IEnumerable<TrialRecord>? start = null) : ITrialJournal
{
    private readonly List<TrialRecord> _trials = [.. start ?? []];

    public IReadOnlyList<TrialRecord> Load() => [.. _trials];

    public void Append(TrialRecord trial)
    {
        lock (_trials)
            _trials.Add(trial);
    }
}

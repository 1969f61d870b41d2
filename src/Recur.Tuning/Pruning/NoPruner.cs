namespace Recur.Tuning;

/// <summary>Never stops a trial early.</summary>
public sealed class NoPruner : IPruner
{
    /// <inheritdoc />
    public string Name => "none";

    /// <inheritdoc />
    public bool ShouldPrune(int number, int step, double value, IReadOnlyList<TrialRecord> history,
        IReadOnlyDictionary<int, IReadOnlyList<IntermediateValue>> running, bool maximize) => false;
}

namespace Recur.Tuning.Internal;

/// <summary>A running trial's reporter: records each intermediate value with the study and asks the pruner whether to go on.</summary>
internal sealed class TrialReporter(StudyState state, int number) : ITrialReporter
{
    public bool Pruned { get; private set; }

    public bool Report(int step, double value)
    {
        if (Pruned)
            return false;
        Pruned = state.ReportAndJudge(number, step, value);
        return !Pruned;
    }
}

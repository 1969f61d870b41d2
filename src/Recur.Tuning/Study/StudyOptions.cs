namespace Recur.Tuning;

/// <summary>How a study runs.</summary>
/// <param name="Maximize">Whether a larger value is better (AUC) or smaller (log-loss).</param>
/// <param name="MaxTrials">Most trials, counting those resumed from the journal (0: no limit, then <paramref name="Seconds"/> must be set).</param>
/// <param name="Seconds">Wall-clock budget of this run in seconds (0: no limit); no trial starts once it is spent, running ones finish.</param>
/// <param name="Parallel">Trials run at once, from 1 to the machine's cores.</param>
/// <param name="Seed">The seed every trial's draws derive from (with its number).</param>
public sealed record StudyOptions(bool Maximize, int MaxTrials, double Seconds, int Parallel, int Seed);

/// <summary>What a study found.</summary>
/// <param name="Trials">Every trial, resumed and new, in number order.</param>
/// <param name="Best">The best complete trial by value (ties go to the lower number); null when none completed.</param>
/// <param name="Seconds">Wall-clock seconds this run took.</param>
/// <param name="Resumed">How many trials were read back from the journal rather than run.</param>
public sealed record StudyResult(IReadOnlyList<TrialRecord> Trials, TrialRecord? Best, double Seconds, int Resumed);

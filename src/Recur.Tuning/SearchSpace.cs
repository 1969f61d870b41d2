namespace Recur.Tuning;

/// <summary>How a parameter's values are drawn.</summary>
public enum ParameterKind
{
    /// <summary>A whole number in [low, high].</summary>
    Int,

    /// <summary>A real number in [low, high].</summary>
    Real,

    /// <summary>One of a list of names.</summary>
    Choice,
}

/// <summary>A parameter is searched only while another (a choice) has one of the given values, e.g. leaves only when trainer is lightgbm.</summary>
/// <param name="Parameter">The choice parameter it depends on (declared before it).</param>
/// <param name="Values">The values of that parameter for which this one is active.</param>
public sealed record Condition(string Parameter, IReadOnlyList<string> Values);

/// <summary>One searched parameter.</summary>
/// <param name="Name">Its name (a trainer parameter, or "trainer").</param>
/// <param name="Kind">Int, real or choice.</param>
/// <param name="Low">The smallest value (Int, Real).</param>
/// <param name="High">The largest value (Int, Real).</param>
/// <param name="Log">Whether values are drawn uniformly on a log scale (low must be &gt; 0).</param>
/// <param name="Choices">The names to choose from (Choice).</param>
/// <param name="When">Active only under this condition; null for always.</param>
/// <param name="Key">Where recur.yaml declares it, for errors (e.g. "training.search.space.lightgbm.leaves").</param>
public sealed record ParameterSpace(string Name, ParameterKind Kind, double Low = 0, double High = 0, bool Log = false,
    IReadOnlyList<string>? Choices = null, Condition? When = null, string Key = "");

/// <summary>
/// The parameters a study searches, in declared order (a condition names an earlier choice). A value is carried as text,
/// as lineage records it: an integer without a fraction, a real round-tripping ("R"), a choice by its name.
/// </summary>
/// <param name="Parameters">The parameters.</param>
public sealed record SearchSpace(IReadOnlyList<ParameterSpace> Parameters);

/// <summary>One trial to run: its number (0-based, in the order sampled) and its parameter values (only the active ones).</summary>
public sealed record Trial(int Number, IReadOnlyDictionary<string, string> Parameters);

/// <summary>What became of a trial.</summary>
public enum TrialState
{
    /// <summary>Sampled and running (a journal line never says this; a killed study's running trials are rerun).</summary>
    Running,

    /// <summary>Finished with a value.</summary>
    Complete,

    /// <summary>Stopped early by the pruner; its last intermediate value stands.</summary>
    Pruned,

    /// <summary>The objective threw; the error is kept.</summary>
    Failed,
}

/// <summary>An intermediate value reported by a running trial at a step (e.g. the validation AUC after 50 boosting rounds).</summary>
public sealed record IntermediateValue(int Step, double Value);

/// <summary>A finished trial as the journal keeps it.</summary>
/// <param name="Number">The trial's number.</param>
/// <param name="Parameters">Its parameter values.</param>
/// <param name="State">Complete, pruned or failed.</param>
/// <param name="Value">The objective's value (NaN when failed; the last intermediate value when pruned).</param>
/// <param name="Low">The lower end of the value's interval (NaN when unknown).</param>
/// <param name="High">The upper end of the value's interval (NaN when unknown).</param>
/// <param name="Intermediate">The intermediate values reported, in step order.</param>
/// <param name="Seconds">Wall-clock seconds the trial ran.</param>
/// <param name="Error">Why it failed; null otherwise.</param>
public sealed record TrialRecord(int Number, IReadOnlyDictionary<string, string> Parameters, TrialState State, double Value, double Low, double High,
    IReadOnlyList<IntermediateValue> Intermediate, double Seconds, string? Error = null);

/// <summary>The objective's answer for one trial: the metric on the validation fold(s) with its interval.</summary>
public sealed record TrialResult(double Value, double Low, double High);

/// <summary>Handed to a running trial so it can report intermediate values; <see cref="Report"/> answers false when the trial should stop (pruned).</summary>
public interface ITrialReporter
{
    /// <summary>Records the value at a step; false when the pruner stops the trial here (the objective then returns at once).</summary>
    bool Report(int step, double value);
}

/// <summary>A function to optimise: fits and measures one trial's parameters.</summary>
public delegate TrialResult Objective(Trial trial, ITrialReporter reporter, CancellationToken ct);

/// <summary>Proposes the next trial's parameters from the finished ones (a catalogue: random, tpe).</summary>
public interface ISampler
{
    /// <summary>The sampler's name in recur.yaml.</summary>
    string Name { get; }

    /// <summary>
    /// The parameters of trial <paramref name="number"/>: only active ones, each within its range. The same space, history, seed and
    /// number give the same values (determinism); <paramref name="maximize"/> says which way is better.
    /// </summary>
    IReadOnlyDictionary<string, string> Sample(SearchSpace space, IReadOnlyList<TrialRecord> history, int number, bool maximize, int seed);
}

/// <summary>Decides whether a running trial stops early (a catalogue: none, median, asha).</summary>
public interface IPruner
{
    /// <summary>The pruner's name in recur.yaml.</summary>
    string Name { get; }

    /// <summary>Whether the trial that reported <paramref name="value"/> at <paramref name="step"/> should stop, judged against the other trials' intermediate values.</summary>
    bool ShouldPrune(int number, int step, double value, IReadOnlyList<TrialRecord> history, IReadOnlyDictionary<int, IReadOnlyList<IntermediateValue>> running, bool maximize);
}

/// <summary>Where a study's finished trials are kept, so a killed study resumes (one JSON line per trial, appended and flushed).</summary>
public interface ITrialJournal
{
    /// <summary>Every trial recorded so far, in number order.</summary>
    IReadOnlyList<TrialRecord> Load();

    /// <summary>Appends one finished trial durably.</summary>
    void Append(TrialRecord trial);
}

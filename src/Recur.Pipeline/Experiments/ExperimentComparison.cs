namespace Recur.Pipeline.Experiments;

/// <summary>
/// An experiment's comparison table: every arm's promotion metric on the same evaluation rows with its interval, and each
/// variation's difference from the control with a paired bootstrap interval and a verdict.
/// </summary>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="Question">What it asks.</param>
/// <param name="Snapshot">The training snapshot every arm trained on.</param>
/// <param name="Metric">The promotion metric.</param>
/// <param name="EvaluationRows">How many evaluation rows every arm was measured on.</param>
/// <param name="Control">The project as declared.</param>
/// <param name="Variations">The variations, in declaration order.</param>
/// <param name="Parallel">How many arms trained side by side.</param>
/// <param name="Threads">Trainer threads per arm.</param>
public sealed record ExperimentComparison(string Experiment, string Question, string Snapshot, string Metric, int EvaluationRows,
    ArmResult Control, IReadOnlyList<ArmResult> Variations, int Parallel, int Threads)
{
    /// <summary>The arm registered for inspection (<c>--register ARM</c>), without an alias and never promotable; null when none was asked for.</summary>
    public ModelVersionRef? Registered { get; init; }
}

/// <summary>An arm registered for inspection.</summary>
/// <param name="Arm">The arm's name.</param>
/// <param name="Version">Its version number in the registry (origin <c>experiment</c>, no alias).</param>
public sealed record ModelVersionRef(string Arm, int Version);

/// <summary>One arm's row of the table.</summary>
/// <param name="Name">The arm's name (<c>control</c> for the project as declared).</param>
/// <param name="What">What it changes, in words.</param>
/// <param name="Value">The promotion metric on the evaluation rows.</param>
/// <param name="Low">The lower bound of its bootstrap 95% interval.</param>
/// <param name="High">The upper bound.</param>
/// <param name="Delta">Its gain over the control (positive: better, whichever way the metric points); 0 for the control.</param>
/// <param name="DeltaLow">The lower bound of the gain's paired bootstrap 95% interval.</param>
/// <param name="DeltaHigh">The upper bound.</param>
/// <param name="Verdict">The gain in words (<see cref="Experiments.Verdict"/>); empty for the control.</param>
/// <param name="Seconds">Seconds spent fitting its candidates.</param>
/// <param name="Trainer">The chosen candidate's trainer.</param>
/// <param name="Model">Where its model file is kept.</param>
/// <param name="Run">Its run's id (<c>recur runs show</c>).</param>
public sealed record ArmResult(string Name, string What, double Value, double Low, double High, double Delta, double DeltaLow, double DeltaHigh,
    string Verdict, double Seconds, string Trainer, string Model, string Run);

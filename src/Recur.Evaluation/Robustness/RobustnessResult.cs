using Recur.Core.Modeling;

namespace Recur.Evaluation.Robustness;

/// <summary>One perturbed row whose decision changed.</summary>
/// <param name="Row">The row: its key value, or its position among the evaluation rows.</param>
/// <param name="Column">The column changed.</param>
/// <param name="Before">The value before.</param>
/// <param name="After">The value after.</param>
/// <param name="DecisionBefore">The decision before (a class).</param>
/// <param name="DecisionAfter">The decision after.</param>
/// <param name="ScoreBefore">The score before (binary: the positive probability; multiclass: the top probability).</param>
/// <param name="ScoreAfter">The score after.</param>
public sealed record FlipExample(string Row, string Column, string Before, string After, string DecisionBefore, string DecisionAfter, double ScoreBefore, double ScoreAfter);

/// <summary>One perturbation kind's result over the near-boundary rows.</summary>
/// <param name="Kind">The kind's name (numeric_nudge, irrelevant_field, filler_word).</param>
/// <param name="Columns">The columns it touched.</param>
/// <param name="Rows">Near-boundary rows it could perturb (0 when the model has no such column).</param>
/// <param name="Perturbations">Perturbed copies scored.</param>
/// <param name="Flips">Rows of which at least one perturbed copy changed the decision.</param>
/// <param name="FlipRate">Flips / rows (0 when no rows).</param>
/// <param name="Low">Lower end of the flip rate's Wilson 95 % interval.</param>
/// <param name="High">Upper end.</param>
/// <param name="Examples">A few flipped rows.</param>
public sealed record PerturbationResult(string Kind, IReadOnlyList<string> Columns, int Rows, int Perturbations, int Flips, double FlipRate, double Low, double High, IReadOnlyList<FlipExample> Examples);

/// <summary>
/// A boundary test: of the evaluation rows near the decision boundary, how many changed decision under small
/// perturbations. <see cref="Score"/> = 1 − (rows flipped by any kind) / (rows tested), with a Wilson 95 % interval.
/// </summary>
/// <param name="Task">The task's name (binary, multiclass, regression).</param>
/// <param name="Measured">False when the test does not apply (regression has no decision); then <see cref="Note"/> says why.</param>
/// <param name="EvaluationRows">Evaluation rows looked at.</param>
/// <param name="NearBoundary">Of them, rows within the band.</param>
/// <param name="Tested">Near-boundary rows tested (at most the maximum, closest first).</param>
/// <param name="Flipped">Tested rows that flipped under any kind.</param>
/// <param name="Score">The robustness score in [0, 1]; 1 when no row was tested.</param>
/// <param name="Low">Lower end of the score's Wilson 95 % interval.</param>
/// <param name="High">Upper end.</param>
/// <param name="Band">The band used.</param>
/// <param name="Kinds">Each perturbation kind's result.</param>
/// <param name="Note">Why nothing was measured, or an empty string.</param>
public sealed record RobustnessResult(string Task, bool Measured, int EvaluationRows, int NearBoundary, int Tested, int Flipped, double Score, double Low, double High,
    double Band, IReadOnlyList<PerturbationResult> Kinds, string Note)
{
    /// <summary>The result of a task without a decision to flip.</summary>
    public static RobustnessResult NotMeasured(ModelTask task, int rows, double band, string note) => new(task.ToName(), false, rows, 0, 0, 0, double.NaN, double.NaN, double.NaN, band, [], note);
}

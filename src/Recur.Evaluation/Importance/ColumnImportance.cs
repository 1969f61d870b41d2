namespace Recur.Evaluation.Importance;

/// <summary>One raw input column's global importance.</summary>
/// <param name="Column">The raw input column.</param>
/// <param name="MeanAbsShap">Per output, the mean |contribution| over the explained rows; empty when the model cannot explain itself.</param>
/// <param name="Drop">Permutation importance: the mean worsening of the metric when the column is shuffled (positive: the model needs it).</param>
/// <param name="Low">Lower end of the 95 % interval of <paramref name="Drop"/> (Student t over the repeats).</param>
/// <param name="High">Upper end of the interval.</param>
public sealed record ColumnImportance(string Column, IReadOnlyList<double> MeanAbsShap, double Drop, double Low, double High);

/// <summary>Global importance of every raw input column, sorted by permutation importance, largest first.</summary>
/// <param name="Metric">The metric whose worsening is measured.</param>
/// <param name="Baseline">The metric on the unshuffled rows.</param>
/// <param name="Rows">The rows scored.</param>
/// <param name="ExplainedRows">The rows the mean |SHAP| is taken over (a seeded sample when there are many).</param>
/// <param name="Repeats">Shuffles per column.</param>
/// <param name="Outputs">The outputs <see cref="ColumnImportance.MeanAbsShap"/> is given for.</param>
/// <param name="Columns">Per raw input column.</param>
public sealed record GlobalImportanceResult(
    string Metric, double Baseline, int Rows, int ExplainedRows, int Repeats, IReadOnlyList<string> Outputs, IReadOnlyList<ColumnImportance> Columns);

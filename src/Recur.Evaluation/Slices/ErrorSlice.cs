namespace Recur.Evaluation.Slices;

/// <summary>A slice of rows where a model errs more than elsewhere, with the evidence.</summary>
/// <param name="Description">The slice in words, e.g. <c>education = Masters and age in [38, 47)</c>.</param>
/// <param name="Columns">The input columns that define it (one or two).</param>
/// <param name="Rows">Rows in the slice.</param>
/// <param name="Error">The slice's error: the error rate (classification) or mean absolute error (regression).</param>
/// <param name="Low">Lower end of the error's 95 % interval.</param>
/// <param name="High">Upper end of the error's 95 % interval.</param>
/// <param name="Rest">The error on every other row.</param>
/// <param name="Z">How many standard errors the slice's error lies above the rest's (two-sample z statistic).</param>
/// <param name="PValue">One-sided p-value of that difference.</param>
public sealed record ErrorSlice(string Description, IReadOnlyList<string> Columns, int Rows, double Error, double Low, double High, double Rest, double Z, double PValue);

/// <summary>The error analysis of a model on a set of rows.</summary>
/// <param name="Measure">What the error is: <c>error rate</c> or <c>mean absolute error</c>.</param>
/// <param name="Overall">The error over all rows.</param>
/// <param name="Slices">The slices with the most significant excess error, most significant first.</param>
/// <param name="Examined">How many candidate slices (single columns and pairs) were tested.</param>
/// <param name="MinRows">The smallest slice considered.</param>
public sealed record ErrorAnalysis(string Measure, double Overall, IReadOnlyList<ErrorSlice> Slices, int Examined, int MinRows);

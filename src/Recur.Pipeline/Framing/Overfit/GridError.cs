namespace Recur.Pipeline.Framing.Overfit;

/// <summary>
/// The error of an overfit model on the full grid it was trained on (framing.overfit): there is no held-out row, since
/// the grid is the whole input space; the question is how exactly the model reproduces the table.
/// </summary>
/// <param name="Rows">Grid points measured (every row).</param>
/// <param name="Inputs">The grid's input columns.</param>
/// <param name="MaxAbsError">The largest absolute error.</param>
/// <param name="MeanAbsError">The mean absolute error.</param>
/// <param name="Tolerance">The absolute error that still counts as exact.</param>
/// <param name="Exact">Grid points answered within <paramref name="Tolerance"/>.</param>
/// <param name="ExactShare">Their share of the grid.</param>
/// <param name="Worst">The grid point with the largest error, e.g. "temperature=40, humidity=5: 2.1 for 2.3".</param>
public sealed record GridError(int Rows, IReadOnlyList<string> Inputs, double MaxAbsError, double MeanAbsError, double Tolerance, int Exact, double ExactShare, string Worst);

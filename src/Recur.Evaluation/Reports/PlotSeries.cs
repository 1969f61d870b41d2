namespace Recur.Evaluation.Reports;

/// <summary>One series of a plot: named points drawn as a line or as dots, with optional vertical whiskers.</summary>
/// <param name="Name">The legend's name for it.</param>
/// <param name="Points">(x, y) points; non-finite ones are skipped.</param>
/// <param name="Dots">Draw dots (a scatter) instead of a line.</param>
/// <param name="Whiskers">Per point, a (low, high) interval on y drawn as a whisker; null for none.</param>
public sealed record PlotSeries(string Name, IReadOnlyList<(double X, double Y)> Points, bool Dots = false, IReadOnlyList<(double Low, double High)>? Whiskers = null);

/// <summary>The frame of a plot.</summary>
/// <param name="XLabel">The x axis title.</param>
/// <param name="YLabel">The y axis title.</param>
/// <param name="UnitSquare">Both axes span [0, 1] (ROC, PR, reliability).</param>
/// <param name="Diagonal">Draw the dashed y = x line (chance for ROC, perfect calibration).</param>
/// <param name="ZeroLine">Draw a dashed horizontal line at y = 0 (residuals).</param>
public sealed record PlotFrame(string XLabel, string YLabel, bool UnitSquare = false, bool Diagonal = false, bool ZeroLine = false);

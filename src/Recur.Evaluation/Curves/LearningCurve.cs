using System.Globalization;
using Recur.Core;

namespace Recur.Evaluation.Curves;

/// <summary>One point of a learning curve: the trainer refitted on a fraction of the training split, measured on the rows it
/// trained on and on the validation split, each with a bootstrap 95% interval.</summary>
/// <param name="Fraction">The fraction of the training split, in (0, 1].</param>
/// <param name="Rows">The rows it trained on.</param>
/// <param name="Train">The metric on those rows.</param>
/// <param name="TrainLow">The lower end of its interval.</param>
/// <param name="TrainHigh">The upper end of its interval.</param>
/// <param name="Validation">The metric on the validation split.</param>
/// <param name="ValidationLow">The lower end of its interval.</param>
/// <param name="ValidationHigh">The upper end of its interval.</param>
/// <param name="FitSeconds">Wall-clock seconds to fit the features and the trainer on the subset.</param>
public sealed record LearningCurvePoint(double Fraction, int Rows, double Train, double TrainLow, double TrainHigh,
    double Validation, double ValidationLow, double ValidationHigh, double FitSeconds);

/// <summary>The fractions of a learning curve and the nested subsets they select.</summary>
public static class LearningCurveFractions
{
    /// <summary>
    /// Checks the fractions: at least one, each in (0, 1], strictly increasing. The error names <paramref name="key"/>
    /// (a recur.yaml key or a command-line option) and the offending value.
    /// </summary>
    public static void Check(IReadOnlyList<double> fractions, string key)
    {
        ArgumentNullException.ThrowIfNull(fractions);
        if (fractions.Count == 0) throw RecurException.Invalid($"{key}: give at least one fraction, e.g. 0.1,0.25,0.5,1", key);
        for (var i = 0; i < fractions.Count; i++)
        {
            var f = fractions[i];
            if (!(f > 0 && f <= 1)) throw RecurException.Invalid($"{key}: fraction {Text(f)} is outside (0, 1]", key);
            if (i > 0 && f <= fractions[i - 1]) throw RecurException.Invalid($"{key}: fractions must increase, but {Text(f)} follows {Text(fractions[i - 1])}", key);
        }
    }

    /// <summary>Parses a comma-separated list such as <c>0.1,0.25,0.5,1</c> and checks it (<see cref="Check"/>).</summary>
    public static IReadOnlyList<double> Parse(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) throw RecurException.Invalid($"{key}: '{part}' is not a number", key);
            values.Add(v);
        }
        Check(values, key);
        return values;
    }

    /// <summary>The number of rows a fraction selects of <paramref name="rows"/>: rounded, at least one.</summary>
    public static int RowsAt(double fraction, int rows) => Math.Max(1, Math.Min(rows, (int)Math.Round(fraction * rows, MidpointRounding.AwayFromZero)));

    /// <summary>
    /// Nested subsets of <c>0 … rows−1</c>, one per fraction: one seeded shuffle, and each subset its first
    /// <see cref="RowsAt"/> rows, so every subset contains the smaller ones and the same seed gives the same subsets.
    /// </summary>
    public static IReadOnlyList<int[]> NestedSubsets(int rows, IReadOnlyList<double> fractions, int seed)
    {
        ArgumentNullException.ThrowIfNull(fractions);
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        // Each subset keeps the original row order, so a fit sees rows as the split gave them.
        return fractions.Select(f => order.Take(RowsAt(f, rows)).Order().ToArray()).ToList();
    }

    private static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

namespace Recur.Evaluation.Baselines;

/// <summary>
/// The multiclass heuristic benchmark for accuracy: every row is predicted as the most frequent
/// training class (ties to the lowest index) with probability 1.
/// </summary>
/// <remarks>
/// The probabilities are deliberately not smoothed, so accuracy and F1 read as "always say the
/// majority class". Its log loss is therefore huge whenever it is wrong; compare log loss against
/// <see cref="ClassPriorBaseline"/> instead.
/// </remarks>
public static class MajorityClassBaseline
{
    /// <summary>The baseline's name in reports.</summary>
    public const string Name = "majority-class";

    /// <summary>Probability 1 on the most frequent training class, for <paramref name="rows"/> rows.</summary>
    /// <param name="trainLabels">Training class indices, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="rows">Number of rows to predict.</param>
    /// <returns>probabilities[row][classIndex].</returns>
    /// <exception cref="ArgumentException">No labels, a label out of range, or a negative row count.</exception>
    public static double[][] Predict(int[] trainLabels, int classCount, int rows)
    {
        var prior = ClassPriorBaseline.Frequencies(trainLabels, classCount);
        if (rows < 0) throw new ArgumentException($"rows is {rows}; it must not be negative.", nameof(rows));
        var majority = 0;
        for (var k = 1; k < classCount; k++) if (prior[k] > prior[majority]) majority = k;
        var predictions = new double[rows][];
        for (var i = 0; i < rows; i++)
        {
            predictions[i] = new double[classCount];
            predictions[i][majority] = 1;
        }
        return predictions;
    }
}

namespace Recur.Evaluation.Baselines;

/// <summary>
/// The multiclass heuristic benchmark for probabilities: every row gets the training class
/// frequencies. Its log loss is the entropy of the class mix, the bar any useful model must clear.
/// </summary>
public static class ClassPriorBaseline
{
    /// <summary>The baseline's name in reports.</summary>
    public const string Name = "class-prior";

    /// <summary>The training class frequencies, repeated for <paramref name="rows"/> rows.</summary>
    /// <param name="trainLabels">Training class indices, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="rows">Number of rows to predict.</param>
    /// <returns>probabilities[row][classIndex].</returns>
    /// <exception cref="ArgumentException">No labels, a label out of range, or a negative row count.</exception>
    public static double[][] Predict(int[] trainLabels, int classCount, int rows)
    {
        var prior = Frequencies(trainLabels, classCount);
        if (rows < 0) throw new ArgumentException($"rows is {rows}; it must not be negative.", nameof(rows));
        var predictions = new double[rows][];
        for (var i = 0; i < rows; i++) predictions[i] = (double[])prior.Clone();
        return predictions;
    }

    /// <summary>Class frequencies of the labels; shared with the other class baselines.</summary>
    internal static double[] Frequencies(int[] labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length == 0) throw new ArgumentException("At least one training label is required.", "trainLabels");
        if (classCount < 1) throw new ArgumentException($"classCount is {classCount}; at least one class is required.", nameof(classCount));
        var counts = new double[classCount];
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classCount) throw new ArgumentException($"Training label at row {i} is {labels[i]}; class indices run from 0 to {classCount - 1}.", "trainLabels");
            counts[labels[i]]++;
        }
        for (var k = 0; k < classCount; k++) counts[k] /= labels.Length;
        return counts;
    }
}

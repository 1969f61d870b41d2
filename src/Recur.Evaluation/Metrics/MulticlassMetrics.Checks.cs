namespace Recur.Evaluation.Metrics;

public static partial class MulticlassMetrics
{
    private static void Check(double[][] probabilities, int[] actual, int classCount)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(actual);
        if (classCount < 2) throw new ArgumentException($"{classCount} classes; at least two are required.", nameof(classCount));
        if (actual.Length == 0) throw new ArgumentException("At least one row is required.", nameof(actual));
        if (probabilities.Length != actual.Length)
        {
            throw new ArgumentException($"{probabilities.Length} probability rows for {actual.Length} actual classes; there must be one per row.", nameof(probabilities));
        }
        for (var i = 0; i < actual.Length; i++)
        {
            if (actual[i] < 0 || actual[i] >= classCount) throw new ArgumentException($"Actual class at row {i} is {actual[i]}; class indices run from 0 to {classCount - 1}.", nameof(actual));
            var row = probabilities[i];
            if (row is null || row.Length != classCount) throw new ArgumentException($"Row {i} has {row?.Length ?? 0} probabilities; expected one per class ({classCount}).", nameof(probabilities));
            for (var k = 0; k < classCount; k++)
            {
                if (!(row[k] >= 0 && row[k] <= 1)) throw new ArgumentException($"Probability of class {k} at row {i} is {row[k]}; probabilities must lie in [0, 1].", nameof(probabilities));
            }
        }
    }
}

namespace Recur.Evaluation.Internal;

/// <summary>Per-class true positives, predictions and actual counts over a set of rows.</summary>
internal sealed class ClassCounts
{
    private ClassCounts(int classCount)
    {
        TruePositives = new int[classCount];
        Predicted = new int[classCount];
        Actual = new int[classCount];
    }

    public int[] TruePositives { get; }

    public int[] Predicted { get; }

    public int[] Actual { get; }

    public int Rows { get; private set; }

    public double Accuracy => (double)TruePositives.Sum() / Rows;

    /// <summary>Counts the given rows; a row drawn twice counts twice, as a bootstrap needs.</summary>
    public static ClassCounts Of(int[] predicted, int[] actual, int[] rows, int classCount)
    {
        var counts = new ClassCounts(classCount) { Rows = rows.Length };
        foreach (var row in rows)
        {
            counts.Predicted[predicted[row]]++;
            counts.Actual[actual[row]]++;
            if (predicted[row] == actual[row]) counts.TruePositives[actual[row]]++;
        }
        return counts;
    }

    public double Precision(int k) => Predicted[k] == 0 ? 0 : (double)TruePositives[k] / Predicted[k];

    public double Recall(int k) => Actual[k] == 0 ? 0 : (double)TruePositives[k] / Actual[k];

    public double F1(int k)
    {
        var (precision, recall) = (Precision(k), Recall(k));
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /// <summary>Mean F1 over the classes seen among actual or predicted classes (scikit-learn's default labels).</summary>
    public double MacroF1()
    {
        double sum = 0;
        var seen = 0;
        for (var k = 0; k < Actual.Length; k++)
        {
            if (Actual[k] == 0 && Predicted[k] == 0) continue;
            sum += F1(k);
            seen++;
        }
        return sum / seen;
    }
}

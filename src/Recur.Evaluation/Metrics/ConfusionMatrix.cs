namespace Recur.Evaluation.Metrics;

/// <summary>Precision, recall, F1 and support of one class (zero where a denominator is zero, as scikit-learn's zero_division = 0).</summary>
/// <param name="Class">The class name.</param>
/// <param name="Precision">Of the rows predicted as this class, the share that are.</param>
/// <param name="Recall">Of the rows of this class, the share predicted as it.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Rows whose true class is this one.</param>
public sealed record ClassFigures(string Class, double Precision, double Recall, double F1, int Support);

/// <summary>
/// Counts of (true class, predicted class) pairs with class names: <see cref="Counts"/>[t][p] is the number of
/// rows of class <c>Classes[t]</c> predicted as <c>Classes[p]</c>, so rows are the truth and columns the
/// prediction, as scikit-learn's <c>confusion_matrix</c> lays them out.
/// </summary>
/// <param name="Classes">Class names in index order (binary: the negative class, then the positive one).</param>
/// <param name="Counts">One row per true class, one column per predicted class.</param>
/// <param name="Threshold">For a binary model, the score at or above which the positive class was predicted; null otherwise.</param>
public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, IReadOnlyList<IReadOnlyList<int>> Counts, double? Threshold = null)
{
    /// <summary>Counts the pairs of true and predicted class indices.</summary>
    /// <param name="classes">Class names in index order.</param>
    /// <param name="actual">The true class index of each row.</param>
    /// <param name="predicted">The predicted class index of each row.</param>
    /// <param name="threshold">The binary decision threshold the predictions were made at, if any.</param>
    /// <exception cref="ArgumentException">The arrays differ in length or hold an index outside the classes; the message names the row.</exception>
    public static ConfusionMatrix Of(IReadOnlyList<string> classes, int[] actual, int[] predicted, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Length != predicted.Length) throw new ArgumentException($"{predicted.Length} predictions for {actual.Length} true classes; there must be one per row.", nameof(predicted));
        var counts = new int[classes.Count][];
        for (var t = 0; t < counts.Length; t++) counts[t] = new int[classes.Count];
        for (var i = 0; i < actual.Length; i++)
        {
            if ((uint)actual[i] >= (uint)classes.Count) throw new ArgumentException($"True class at row {i} is {actual[i]}; class indices run from 0 to {classes.Count - 1}.", nameof(actual));
            if ((uint)predicted[i] >= (uint)classes.Count) throw new ArgumentException($"Predicted class at row {i} is {predicted[i]}; class indices run from 0 to {classes.Count - 1}.", nameof(predicted));
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classes, counts, threshold);
    }

    /// <summary>The number of rows counted.</summary>
    public int Total => Counts.Sum(row => row.Sum());

    /// <summary>Precision, recall, F1 and support of every class, in class order.</summary>
    public IReadOnlyList<ClassFigures> PerClass() => Classes.Select((name, k) =>
    {
        var hits = Counts[k][k];
        var support = Counts[k].Sum();
        var predicted = Counts.Sum(row => row[k]);
        var precision = predicted == 0 ? 0 : (double)hits / predicted;
        var recall = support == 0 ? 0 : (double)hits / support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassFigures(name, precision, recall, f1, support);
    }).ToList();
}

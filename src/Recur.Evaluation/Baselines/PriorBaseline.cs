namespace Recur.Evaluation.Baselines;

/// <summary>
/// The heuristic benchmark every model must beat: it scores every row with the training positive
/// rate, so it predicts the majority class. Its AUC is 0.5 and its accuracy is the majority share.
/// </summary>
public sealed record PriorBaseline(double PositiveRate)
{
    /// <summary>The baseline's name in reports.</summary>
    public const string Name = "class-prior";

    /// <summary>Fits the prior on training labels.</summary>
    public static PriorBaseline Fit(ReadOnlySpan<bool> labels)
    {
        if (labels.IsEmpty) throw new ArgumentException("no training labels", nameof(labels));
        var positives = 0;
        foreach (var label in labels) if (label) positives++;
        return new PriorBaseline((double)positives / labels.Length);
    }

    /// <summary>Scores <paramref name="rows"/> rows.</summary>
    public double[] Score(int rows)
    {
        var scores = new double[rows];
        Array.Fill(scores, PositiveRate);
        return scores;
    }

    /// <summary>The threshold that makes the baseline predict the majority class.</summary>
    public double MajorityThreshold => PositiveRate >= 0.5 ? 0.0 : 1.0;
}

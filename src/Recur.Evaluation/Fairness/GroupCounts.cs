namespace Recur.Evaluation.Fairness;

/// <summary>The confusion counts of one group (and the sum of its scores, when scores are given).</summary>
/// <param name="TruePositives">Positive labels predicted positive.</param>
/// <param name="FalsePositives">Negative labels predicted positive.</param>
/// <param name="TrueNegatives">Negative labels predicted negative.</param>
/// <param name="FalseNegatives">Positive labels predicted negative.</param>
/// <param name="ScoreSum">The sum of the group's scores; NaN without scores.</param>
public readonly record struct GroupCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives, double ScoreSum)
{
    /// <summary>Rows in the group.</summary>
    public int Rows => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Rows with a positive label.</summary>
    public int Positives => TruePositives + FalseNegatives;

    /// <summary>Rows with a negative label.</summary>
    public int Negatives => FalsePositives + TrueNegatives;

    /// <summary>Rows predicted positive.</summary>
    public int Selected => TruePositives + FalsePositives;

    /// <summary>Counts the given rows (all rows when <paramref name="rows"/> is null).</summary>
    public static GroupCounts Of(ReadOnlySpan<bool> labels, ReadOnlySpan<bool> decisions, ReadOnlySpan<double> scores, ReadOnlySpan<int> rows)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        double sum = 0;
        var scored = !scores.IsEmpty;
        foreach (var r in rows)
        {
            if (labels[r]) { if (decisions[r]) tp++; else fn++; }
            else if (decisions[r]) fp++;
            else tn++;
            if (scored) sum += scores[r];
        }
        return new GroupCounts(tp, fp, tn, fn, scored ? sum : double.NaN);
    }
}

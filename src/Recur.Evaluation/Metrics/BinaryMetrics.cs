namespace Recur.Evaluation.Metrics;

/// <summary>
/// Computes <see cref="BinaryMetricSet"/> from predicted probabilities and true labels, matching
/// scikit-learn 1.2 (roc_auc_score, average_precision_score, log_loss with eps = 1e-15,
/// brier_score_loss, and accuracy/precision/recall/f1 with zero_division = 0).
/// </summary>
public static class BinaryMetrics
{
    /// <summary>Clipping bound for log loss, scikit-learn's historical default.</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>
    /// Computes all metrics in O(n log n): the ranking metrics come from one descending sweep over
    /// sorted positive and negative scores, the rest from a single pass.
    /// </summary>
    /// <param name="scores">Predicted probability of the positive class for each row, in [0, 1].</param>
    /// <param name="labels">True label for each row (true = positive).</param>
    /// <param name="threshold">A row is predicted positive when its score is ≥ this value.</param>
    /// <returns>The metric set. AUC is NaN when one class is missing; average precision is then 0 with
    /// no positives and 1 with no negatives, as scikit-learn reports.</returns>
    /// <exception cref="ArgumentException">
    /// The inputs are empty or of different lengths, a score is outside [0, 1], or the threshold is NaN.
    /// </exception>
    public static BinaryMetricSet Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold)
    {
        if (scores.IsEmpty)
        {
            throw new ArgumentException("At least one score is required.", nameof(scores));
        }

        if (labels.Length != scores.Length)
        {
            throw new ArgumentException("There must be exactly one label per score.", nameof(labels));
        }

        if (double.IsNaN(threshold))
        {
            throw new ArgumentException("The threshold must not be NaN.", nameof(threshold));
        }

        int positives = 0;
        foreach (bool label in labels)
        {
            positives += label ? 1 : 0;
        }

        var positiveScores = new double[positives];
        var negativeScores = new double[scores.Length - positives];
        int nextPositive = 0;
        int nextNegative = 0;
        long truePositives = 0;
        long falsePositives = 0;
        double logLossSum = 0.0;
        double squaredErrorSum = 0.0;
        for (int i = 0; i < scores.Length; i++)
        {
            double score = scores[i];
            if (!(score >= 0.0 && score <= 1.0))
            {
                throw new ArgumentException($"Score at index {i} is {score}; scores must be probabilities in [0, 1].", nameof(scores));
            }

            bool predictedPositive = score >= threshold;
            if (labels[i])
            {
                positiveScores[nextPositive++] = score;
                truePositives += predictedPositive ? 1 : 0;
            }
            else
            {
                negativeScores[nextNegative++] = score;
                falsePositives += predictedPositive ? 1 : 0;
            }

            logLossSum += LogLossTerm(score, labels[i]);
            double error = (labels[i] ? 1.0 : 0.0) - score;
            squaredErrorSum += error * error;
        }

        (double auc, double averagePrecision) = RankingMetrics(positiveScores, negativeScores);
        int count = scores.Length;
        long trueNegatives = negativeScores.Length - falsePositives;
        double precision = truePositives + falsePositives == 0 ? 0.0 : (double)truePositives / (truePositives + falsePositives);
        double recall = positives == 0 ? 0.0 : (double)truePositives / positives;
        double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new BinaryMetricSet(
            Auc: auc,
            PrAuc: averagePrecision,
            LogLoss: logLossSum / count,
            Brier: squaredErrorSum / count,
            Accuracy: (double)(truePositives + trueNegatives) / count,
            Precision: precision,
            Recall: recall,
            F1: f1,
            Count: count,
            Positives: positives);
    }

    /// <summary>
    /// Per-row cross-entropy exactly as scikit-learn evaluates it: clip, form the two-column
    /// distribution, renormalise the row, then take the log of the true class's share.
    /// </summary>
    private static double LogLossTerm(double score, bool label)
    {
        double positive = Math.Clamp(score, LogLossEpsilon, 1 - LogLossEpsilon);
        double negative = 1 - positive;
        double rowTotal = negative + positive;
        return -Math.Log((label ? positive : negative) / rowTotal);
    }

    /// <summary>
    /// Sweeps distinct score values from high to low. Tied positives and negatives cross the threshold
    /// together, which gives ROC AUC its half credit for ties (Mann–Whitney U) and average precision
    /// its one precision value per distinct threshold, as scikit-learn's curves do.
    /// </summary>
    private static (double Auc, double AveragePrecision) RankingMetrics(double[] positiveScores, double[] negativeScores)
    {
        Array.Sort(positiveScores);
        Array.Sort(negativeScores);
        int p = positiveScores.Length - 1;
        int n = negativeScores.Length - 1;
        long truePositives = 0;
        long falsePositives = 0;
        long twiceConcordantPairs = 0;
        double precisionWeightedByRecallStep = 0.0;
        while (p >= 0 || n >= 0)
        {
            double value = p < 0 ? negativeScores[n]
                : n < 0 ? positiveScores[p]
                : Math.Max(positiveScores[p], negativeScores[n]);
            long tiedPositives = 0;
            long tiedNegatives = 0;
            for (; p >= 0 && positiveScores[p] == value; p--)
            {
                tiedPositives++;
            }

            for (; n >= 0 && negativeScores[n] == value; n--)
            {
                tiedNegatives++;
            }

            // Each negative here ranks below every positive already swept and ties with these positives.
            twiceConcordantPairs += tiedNegatives * ((2 * truePositives) + tiedPositives);
            truePositives += tiedPositives;
            falsePositives += tiedNegatives;
            precisionWeightedByRecallStep += tiedPositives * ((double)truePositives / (truePositives + falsePositives));
        }

        long positiveCount = positiveScores.Length;
        long negativeCount = negativeScores.Length;
        double auc = positiveCount == 0 || negativeCount == 0
            ? double.NaN
            : twiceConcordantPairs / (2.0 * positiveCount * negativeCount);
        double averagePrecision = positiveCount == 0 ? 0.0 : precisionWeightedByRecallStep / positiveCount;
        return (auc, averagePrecision);
    }
}

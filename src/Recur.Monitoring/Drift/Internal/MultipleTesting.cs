namespace Recur.Monitoring.Drift;

/// <summary>
/// Corrects the significance levels of the columns judged by hypothesis tests for their number m, so that running
/// many tests does not flag drift by chance: Bonferroni (family-wise error), Benjamini–Hochberg (false discovery
/// rate) or none.
/// </summary>
internal static class MultipleTesting
{
    /// <summary>The corrections by their recur.yaml name.</summary>
    public static readonly IReadOnlyList<string> Names = ["bonferroni", "bh", "none"];

    /// <summary>
    /// The threshold each p-value is compared with, and whether it is rejected (the column drifted), given each
    /// column's level α_i. Bonferroni: p_i &lt; α_i/m. None: p_i &lt; α_i. Benjamini–Hochberg: the step-up on
    /// q_i = p_i/α_i — k is the largest rank with q_(k) ≤ k/m — and p_i ≤ k·α_i/m drifts (with equal levels this
    /// is the textbook procedure; unequal levels weight it as Genovese, Roeder and Wasserman's weighted BH).
    /// Without any rejection the reported BH threshold is α_i/m, the first step's.
    /// </summary>
    public static (double[] Thresholds, bool[] Drifted) Apply(string correction, IReadOnlyList<double> pValues, IReadOnlyList<double> levels)
    {
        int m = pValues.Count;
        var thresholds = new double[m];
        var drifted = new bool[m];
        switch (correction)
        {
            case "none":
                for (int i = 0; i < m; i++)
                {
                    thresholds[i] = levels[i];
                    drifted[i] = pValues[i] < levels[i];
                }

                break;
            case "bonferroni":
                for (int i = 0; i < m; i++)
                {
                    thresholds[i] = levels[i] / m;
                    drifted[i] = pValues[i] < thresholds[i];
                }

                break;
            case "bh":
                var order = Enumerable.Range(0, m).OrderBy(i => pValues[i] / levels[i]).ToArray();
                int k = 0;
                for (int rank = 1; rank <= m; rank++)
                {
                    int i = order[rank - 1];
                    if (pValues[i] / levels[i] <= (double)rank / m)
                    {
                        k = rank;
                    }
                }

                for (int i = 0; i < m; i++)
                {
                    thresholds[i] = levels[i] * Math.Max(k, 1) / m;
                    drifted[i] = k > 0 && pValues[i] <= thresholds[i];
                }

                break;
            default:
                throw new ArgumentException($"unknown correction '{correction}' (one of: {string.Join(", ", Names)})", nameof(correction));
        }

        return (thresholds, drifted);
    }
}

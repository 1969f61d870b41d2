using Recur.Core.Data;
using Recur.Evaluation.Baselines.Internal;

namespace Recur.Evaluation.Baselines;

public sealed partial class OneRuleBaseline
{
    /// <summary>Fits the rule for a numeric target, choosing the feature with the lowest leave-one-out RMSE (ties: the first listed).</summary>
    /// <param name="train">Training rows holding every feature.</param>
    /// <param name="features">Candidate feature columns (numeric or text).</param>
    /// <param name="targets">Training target of each row, all finite.</param>
    /// <exception cref="ArgumentException">No feature, no row, a count mismatch or a non-finite target.</exception>
    public static OneRuleBaseline FitRegression(DataTable train, IReadOnlyList<string> features, double[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        CheckFeatures(train, features, targets.Length);
        Targets.Check(targets, 0);
        var overall = targets.Average();
        (OneRuleBaseline Rule, double Score)? best = null;
        foreach (var feature in features)
        {
            var groups = FeatureGroups.Fit(train[feature]);
            var assigned = groups.Assign(train[feature]);
            var (sums, counts) = (new double[groups.Count], new int[groups.Count]);
            for (var i = 0; i < targets.Length; i++)
            {
                if (assigned[i] == FeatureGroups.None) continue;
                sums[assigned[i]] += targets[i];
                counts[assigned[i]]++;
            }
            double squared = 0;
            for (var i = 0; i < targets.Length; i++)
            {
                var g = assigned[i];
                var leftOut = g != FeatureGroups.None && counts[g] > 1 ? (sums[g] - targets[i]) / (counts[g] - 1) : overall;
                squared += (targets[i] - leftOut) * (targets[i] - leftOut);
            }
            var score = Math.Sqrt(squared / targets.Length);
            if (best is null || score < best.Value.Score)
            {
                var means = sums.Select((s, g) => counts[g] == 0 ? overall : s / counts[g]).ToArray();
                best = (new OneRuleBaseline(groups, means, overall, null, null), score);
            }
        }
        return best!.Value.Rule;
    }

    /// <summary>
    /// Fits the rule for class labels, choosing the feature with the lowest leave-one-out log loss
    /// (ties: the first listed). A group's frequencies are smoothed by one pseudo-row carrying the
    /// overall frequencies, so no class seen in training gets probability 0.
    /// </summary>
    /// <param name="train">Training rows holding every feature.</param>
    /// <param name="features">Candidate feature columns (numeric or text).</param>
    /// <param name="labels">Training class index of each row.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <exception cref="ArgumentException">No feature, no row, a count mismatch or a label out of range.</exception>
    public static OneRuleBaseline FitClassification(DataTable train, IReadOnlyList<string> features, int[] labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        CheckFeatures(train, features, labels.Length);
        var prior = ClassPriorBaseline.Frequencies(labels, classCount);
        (OneRuleBaseline Rule, double Score)? best = null;
        foreach (var feature in features)
        {
            var groups = FeatureGroups.Fit(train[feature]);
            var assigned = groups.Assign(train[feature]);
            var counts = new double[groups.Count][];
            var sizes = new int[groups.Count];
            for (var g = 0; g < counts.Length; g++) counts[g] = new double[classCount];
            for (var i = 0; i < labels.Length; i++)
            {
                if (assigned[i] == FeatureGroups.None) continue;
                counts[assigned[i]][labels[i]]++;
                sizes[assigned[i]]++;
            }
            double loss = 0;
            for (var i = 0; i < labels.Length; i++)
            {
                var g = assigned[i];
                // Without the row itself the group has sizes[g] − 1 rows, plus the prior pseudo-row.
                var p = g == FeatureGroups.None ? prior[labels[i]] : (counts[g][labels[i]] - 1 + prior[labels[i]]) / sizes[g];
                loss -= Math.Log(Math.Max(p, 1e-15));
            }
            var score = loss / labels.Length;
            if (best is null || score < best.Value.Score)
            {
                var probabilities = counts.Select((c, g) => c.Select((n, k) => (n + prior[k]) / (sizes[g] + 1)).ToArray()).ToArray();
                best = (new OneRuleBaseline(groups, null, double.NaN, probabilities, prior), score);
            }
        }
        return best!.Value.Rule;
    }
}

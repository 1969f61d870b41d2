using Recur.Core.Data;
using Recur.Evaluation.Baselines.Internal;

namespace Recur.Evaluation.Baselines;

/// <summary>
/// The best single-feature rule (Holte's 1R): split the rows by one feature — ten quantile bins of
/// a number, or the categories of a text — and answer with the training mean (regression) or the
/// class frequencies (classification) of the row's group. A model that cannot beat it has learnt
/// little beyond its strongest feature.
/// </summary>
/// <remarks>
/// Missing values, unseen categories and empty bins get the overall answer. The feature is chosen
/// by leave-one-out error on the training rows (RMSE, or log loss for classes): each row is judged
/// by its group without itself, so an identifier column, whose every group holds one row, scores
/// as badly as the overall answer instead of fitting the training rows perfectly.
/// </remarks>
public sealed partial class OneRuleBaseline
{
    private readonly FeatureGroups _groups;
    private readonly double[]? _means;
    private readonly double _overallMean;
    private readonly double[][]? _probabilities;
    private readonly double[]? _prior;

    private OneRuleBaseline(FeatureGroups groups, double[]? means, double overallMean, double[][]? probabilities, double[]? prior)
    {
        (_groups, _means, _overallMean, _probabilities, _prior) = (groups, means, overallMean, probabilities, prior);
    }

    /// <summary>The baseline's name in reports.</summary>
    public const string Name = "one-rule";

    /// <summary>The feature the rule splits on.</summary>
    public string Feature => _groups.Feature;

    /// <summary>What the rule does, in words for a report.</summary>
    public string Describe() => _means is not null
        ? $"one-rule: the training mean of each of {_groups.Description} (missing or unseen: the overall mean {_overallMean:G4})"
        : $"one-rule: the training class frequencies of each of {_groups.Description} (missing or unseen: the overall frequencies)";

    /// <summary>The predicted value of every row of <paramref name="rows"/>, which must hold <see cref="Feature"/>.</summary>
    /// <exception cref="InvalidOperationException">The rule was fitted for classification.</exception>
    public double[] PredictValues(DataTable rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_means is null) throw new InvalidOperationException("This one-rule baseline was fitted for classification; use PredictProbabilities.");
        return _groups.Assign(rows[Feature]).Select(g => g == FeatureGroups.None ? _overallMean : _means[g]).ToArray();
    }

    /// <summary>The class probabilities (probabilities[row][classIndex]) of every row of <paramref name="rows"/>.</summary>
    /// <exception cref="InvalidOperationException">The rule was fitted for regression.</exception>
    public double[][] PredictProbabilities(DataTable rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_probabilities is null) throw new InvalidOperationException("This one-rule baseline was fitted for regression; use PredictValues.");
        return _groups.Assign(rows[Feature]).Select(g => (double[])(g == FeatureGroups.None ? _prior! : _probabilities[g]).Clone()).ToArray();
    }

    private static void CheckFeatures(DataTable train, IReadOnlyList<string> features, int targets)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0) throw new ArgumentException("At least one feature is required.", nameof(features));
        if (train.RowCount == 0) throw new ArgumentException("At least one training row is required.", nameof(train));
        if (targets != train.RowCount) throw new ArgumentException($"{targets} targets for {train.RowCount} training rows; there must be one per row.", nameof(train));
    }
}

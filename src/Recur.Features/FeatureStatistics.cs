using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Features;

/// <summary>
/// What one model feature looked like over a set of rows: its missing share and, for a number, its mean and standard
/// deviation; for a category, the share of values outside the vocabulary: categories training never saw, and the
/// out-of-vocabulary bucket of a one-hot vocabulary (<see cref="Transforms.OneHot.Other"/>).
/// </summary>
/// <param name="Name">The feature.</param>
/// <param name="Rows">Rows measured.</param>
/// <param name="Missing">Share of rows where it is missing.</param>
/// <param name="Mean">Mean of the present values (numbers).</param>
/// <param name="Std">Standard deviation of the present values (numbers).</param>
/// <param name="Unseen">Share of present values outside the vocabulary (categories).</param>
public sealed record FeatureStatistics(string Name, int Rows, double Missing, double? Mean, double? Std, double? Unseen)
{
    /// <summary>The statistics of every feature of a table (the output of a chain), against the features' training categories.</summary>
    public static List<FeatureStatistics> Of(DataTable features, IReadOnlyList<FeatureSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(specs);
        // Column by column on every core: a wide chain has thousands of features.
        return specs.AsParallel().AsOrdered().Select(spec => Measure(features[spec.Name], spec)).ToList();
    }

    private static FeatureStatistics Measure(DataColumn column, FeatureSpec spec)
    {
        var rows = column.Length;
        var missing = 0;
        if (column is NumericColumn numbers)
        {
            double sum = 0, squares = 0;
            // A sparse column is zero outside its entries, which add nothing to either sum.
            foreach (var v in numbers.Sparse?.Values ?? numbers.Values)
            {
                if (double.IsNaN(v)) { missing++; continue; }
                sum += v;
                squares += v * v;
            }
            var present = rows - missing;
            var mean = present == 0 ? 0 : sum / present;
            var std = present == 0 ? 0 : Math.Sqrt(Math.Max(0, squares / present - mean * mean));
            return new FeatureStatistics(spec.Name, rows, Share(missing, rows), mean, std, null);
        }
        var known = new HashSet<string>(spec.Categories ?? [], StringComparer.Ordinal);
        var unseen = 0;
        foreach (var value in ((TextColumn)column).Values)
        {
            if (value is null) missing++;
            else if (value == Transforms.OneHot.Other || !known.Contains(value)) unseen++;
        }
        return new FeatureStatistics(spec.Name, rows, Share(missing, rows), null, null, Share(unseen, rows - missing));
    }

    private static double Share(int count, int of) => of == 0 ? 0 : (double)count / of;
}

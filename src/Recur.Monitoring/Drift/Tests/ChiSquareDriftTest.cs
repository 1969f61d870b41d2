namespace Recur.Monitoring.Drift;

/// <summary>
/// Chi-square goodness of fit (<see cref="ChiSquare"/>) of the current categories against the reference's
/// proportions. The chi-square approximation needs expected counts of about 5 or more, so categories expected
/// fewer than <see cref="MinimumExpected"/> current rows are pooled into one cell first (and that cell, if still
/// below, into the smallest other one); when fewer than two cells remain the column has insufficient data.
/// With every expected count at 5 or more the statistic is exactly scipy's.
/// </summary>
internal sealed class ChiSquareDriftTest : IDriftTest
{
    /// <summary>The smallest expected count a chi-square cell may have (Cochran's rule).</summary>
    public const double MinimumExpected = 5.0;

    private const string PooledCategory = "<pooled>";

    public string Name => "chi_square";

    public bool ForNumbers => false;

    public bool ForCategories => true;

    public bool HasPValue => true;

    public DriftTestOutcome Run(ColumnSample sample)
    {
        var reference = sample.ReferenceCounts!;
        var current = sample.CurrentCounts!;
        var categories = reference.Keys.Union(current.Keys).Where(k => reference.GetValueOrDefault(k) + current.GetValueOrDefault(k) > 0).ToList();
        var share = categories.ToDictionary(k => k, k => reference.GetValueOrDefault(k) > 0 ? reference[k] / (double)sample.ReferenceCount : ChiSquare.AbsentCategoryProportion);
        double shareTotal = share.Values.Sum();
        double Expected(string k) => share[k] / shareTotal * sample.CurrentCount;

        var thin = categories.Where(k => Expected(k) < MinimumExpected).ToHashSet();
        if (thin.Count == 0)
        {
            var plain = ChiSquare.Homogeneity(reference, current);
            return new(plain.Statistic, plain.PValue);
        }

        var cells = categories.Where(k => !thin.Contains(k)).ToDictionary(k => k, k => (Reference: reference.GetValueOrDefault(k), Current: current.GetValueOrDefault(k), Expected: Expected(k)));
        var pool = (Reference: thin.Sum(reference.GetValueOrDefault), Current: thin.Sum(current.GetValueOrDefault), Expected: thin.Sum(Expected));
        if (pool.Expected < MinimumExpected && cells.Count > 0)
        {
            var smallest = cells.MinBy(c => c.Value.Expected).Key;
            var cell = cells[smallest];
            cells[smallest] = (cell.Reference + pool.Reference, cell.Current + pool.Current, cell.Expected + pool.Expected);
        }
        else
        {
            cells[PooledCategory] = pool;
        }

        if (cells.Count < 2)
        {
            return DriftTestOutcome.Thin(
                $"chi_square needs two categories expected at least {MinimumExpected:0} current rows each; {sample.CurrentCount} current rows over {categories.Count} categories leave {cells.Count}");
        }

        // A pooled cell with no reference rows keeps the absent-category share, as a single new category would.
        var result = ChiSquare.Homogeneity(
            cells.ToDictionary(c => c.Key, c => c.Value.Reference),
            cells.ToDictionary(c => c.Key, c => c.Value.Current));
        return new(result.Statistic, result.PValue);
    }
}

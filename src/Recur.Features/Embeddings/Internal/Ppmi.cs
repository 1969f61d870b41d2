namespace Recur.Features.Embeddings.Internal;

/// <summary>
/// Positive pointwise mutual information of a count matrix (rows: values, columns: contexts):
/// PPMI(w, c) = max(0, ln( n(w,c) · Σc' n(c')^α / (n(w) · n(c)^α) )), where n(w) and n(c) are the row and column sums.
/// Raising context counts to α &lt; 1 (0.75, as word2vec's negative sampling) lifts rare contexts' probability a
/// little, which tames PMI's bias towards them; α = 1 is plain PMI.
/// </summary>
internal static class Ppmi
{
    public static SparseMatrix Of(SparseMatrix counts, double alpha)
    {
        var rowSums = new double[counts.Rows];
        var columnSums = new double[counts.Columns];
        for (var r = 0; r < counts.Rows; r++)
        {
            foreach (var (c, v) in counts.Row(r))
            {
                rowSums[r] += v;
                columnSums[c] += v;
            }
        }
        var smoothed = columnSums.Select(s => Math.Pow(s, alpha)).ToArray();
        var smoothedTotal = smoothed.Sum();
        return counts.Map((r, c, n) => Math.Max(0, Math.Log(n * smoothedTotal / (rowSums[r] * smoothed[c]))));
    }
}

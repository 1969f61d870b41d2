using Recur.Features.Embeddings.Internal;

namespace Recur.Tests.Features.Embeddings.Internal;

public sealed class PpmiTests
{
    [Fact]
    public void Of_TinyTable_KeepsPositivePmiOnly()
    {
        // Rows sum to 2 and 2, columns to 3 and 1, four events in all.
        var counts = SparseMatrix.From(new double[,] { { 2, 0 }, { 1, 1 } });

        var ppmi = Ppmi.Of(counts, alpha: 1);

        var cells = Enumerable.Range(0, 2).SelectMany(r => ppmi.Row(r).Select(e => (r, e.Column, e.Value))).ToList();
        Assert.Equal(2, cells.Count);
        Assert.Equal(Math.Log(4.0 / 3), cells.Single(c => c.r == 0 && c.Column == 0).Value, 12);
        Assert.Equal(Math.Log(2), cells.Single(c => c.r == 1 && c.Column == 1).Value, 12);
    }

    [Fact]
    public void Of_SmoothedContexts_LowersRareContextPmi()
    {
        var counts = SparseMatrix.From(new double[,] { { 2, 0 }, { 1, 1 } });

        var plain = Ppmi.Of(counts, alpha: 1).Row(1).Single(e => e.Column == 1).Value;
        var smoothed = Ppmi.Of(counts, alpha: 0.75).Row(1).Single(e => e.Column == 1).Value;

        Assert.True(smoothed < plain);
    }
}

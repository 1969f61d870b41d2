using Recur.Features.Embeddings.Internal;

namespace Recur.Tests.Features.Embeddings.Internal;

public sealed class TruncatedSvdTests
{
    private static readonly double[] Singular = [10, 7, 4, 2, 1, 0.5];

    // M = U·diag(s)·Vᵀ with U the first six columns of the 8 × 8 Hadamard matrix / √8 and V a signed permutation.
    private static (double[,] M, double[,] U) Known()
    {
        var h = new double[8, 8];
        for (var i = 0; i < 8; i++)
        {
            for (var j = 0; j < 8; j++) h[i, j] = (int.PopCount(i & j) % 2 == 0 ? 1 : -1) / Math.Sqrt(8);
        }
        int[] permutation = [3, 0, 5, 1, 4, 2];
        var m = new double[8, 6];
        for (var i = 0; i < 8; i++)
        {
            for (var k = 0; k < 6; k++) m[i, permutation[k]] = h[i, k] * Singular[k] * (k % 2 == 0 ? 1 : -1);
        }
        return (m, h);
    }

    [Fact]
    public void Compute_KnownMatrix_RecoversTopSingularValuesAndVectors()
    {
        var (m, u) = Known();

        var svd = TruncatedSvd.Compute(SparseMatrix.From(m), 3, seed: 7);

        Assert.Equal(3, svd.Values.Length);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(Singular[j], svd.Values[j], 1e-6);
            double dot = 0;
            for (var i = 0; i < 8; i++) dot += svd.Left[i, j] * u[i, j];
            Assert.Equal(1, Math.Abs(dot), 1e-6);
        }
    }

    [Fact]
    public void Compute_NarrowBlockWithPowerSteps_StillRecoversTopTwo()
    {
        var (m, _) = Known();

        var svd = TruncatedSvd.Compute(SparseMatrix.From(m), 2, seed: 1, iterations: 40, oversampling: 1);

        Assert.Equal(10, svd.Values[0], 1e-6);
        Assert.Equal(7, svd.Values[1], 1e-6);
    }

    [Fact]
    public void Compute_SameSeed_SameNumbers()
    {
        var (m, _) = Known();

        var a = TruncatedSvd.Compute(SparseMatrix.From(m), 4, seed: 3, iterations: 2, oversampling: 0);
        var b = TruncatedSvd.Compute(SparseMatrix.From(m), 4, seed: 3, iterations: 2, oversampling: 0);

        Assert.Equal(a.Values, b.Values);
        Assert.Equal(a.Left, b.Left);
    }

    [Fact]
    public void Orthonormalize_Columns_BecomeOrthonormal()
    {
        var a = new double[,] { { 1, 2 }, { 0, 1 }, { 1, 0 } };

        TruncatedSvd.Orthonormalize(a);

        Assert.Equal(0, a[0, 0] * a[0, 1] + a[1, 0] * a[1, 1] + a[2, 0] * a[2, 1], 1e-12);
        Assert.Equal(1, a[0, 1] * a[0, 1] + a[1, 1] * a[1, 1] + a[2, 1] * a[2, 1], 1e-12);
    }
}

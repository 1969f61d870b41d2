namespace Recur.Features.Embeddings.Internal;

/// <summary>
/// The top singular values and left singular vectors of a sparse matrix by seeded subspace iteration: start from a
/// Gaussian m × (k + oversampling) block Y = M·Ω, repeat Y ← M·(Mᵀ·Y) with Gram-Schmidt after each product (the
/// orthogonal iteration on M·Mᵀ), then solve the small eigenproblem of Qᵀ·M·Mᵀ·Q by Jacobi rotations (Rayleigh–Ritz).
/// With the block as wide as the matrix's smaller side it is exact; otherwise the power steps make the top k accurate.
/// Deterministic: the same matrix and seed give the same numbers, and each vector's sign is fixed (largest entry positive).
/// </summary>
internal static class TruncatedSvd
{
    public sealed record Result(double[] Values, double[,] Left);

    public static Result Compute(SparseMatrix m, int k, int seed, int iterations = 10, int oversampling = 8)
    {
        k = Math.Min(k, Math.Min(m.Rows, m.Columns));
        var width = Math.Min(k + oversampling, Math.Min(m.Rows, m.Columns));
        var random = new Random(seed);
        var omega = new double[m.Columns, width];
        for (var i = 0; i < m.Columns; i++)
        {
            for (var j = 0; j < width; j++) omega[i, j] = Gaussian(random);
        }
        var q = m.Times(omega);
        Orthonormalize(q);
        for (var it = 0; it < iterations; it++)
        {
            var z = m.TransposeTimes(q);
            Orthonormalize(z);
            q = m.Times(z);
            Orthonormalize(q);
        }
        // B = Qᵀ M (width × n); the eigenvectors of B·Bᵀ rotate Q onto the singular vectors.
        var bt = m.TransposeTimes(q);
        var gram = new double[width, width];
        for (var a = 0; a < width; a++)
        {
            for (var b = a; b < width; b++)
            {
                double s = 0;
                for (var i = 0; i < bt.GetLength(0); i++) s += bt[i, a] * bt[i, b];
                gram[a, b] = gram[b, a] = s;
            }
        }
        var (eigenvalues, eigenvectors) = Jacobi(gram);
        var order = Enumerable.Range(0, width).OrderByDescending(i => eigenvalues[i]).Take(k).ToArray();
        var values = order.Select(i => Math.Sqrt(Math.Max(0, eigenvalues[i]))).ToArray();
        var left = new double[m.Rows, k];
        for (var j = 0; j < k; j++)
        {
            for (var r = 0; r < m.Rows; r++)
            {
                double s = 0;
                for (var a = 0; a < width; a++) s += q[r, a] * eigenvectors[a, order[j]];
                left[r, j] = s;
            }
            FixSign(left, j);
        }
        return new Result(values, left);
    }

    /// <summary>Modified Gram-Schmidt on the columns, in place; a column that collapses becomes zero.</summary>
    public static void Orthonormalize(double[,] a)
    {
        int rows = a.GetLength(0), columns = a.GetLength(1);
        for (var j = 0; j < columns; j++)
        {
            for (var p = 0; p < j; p++)
            {
                double dot = 0;
                for (var i = 0; i < rows; i++) dot += a[i, p] * a[i, j];
                for (var i = 0; i < rows; i++) a[i, j] -= dot * a[i, p];
            }
            double norm = 0;
            for (var i = 0; i < rows; i++) norm += a[i, j] * a[i, j];
            norm = Math.Sqrt(norm);
            var scale = norm > 1e-12 ? 1 / norm : 0;
            for (var i = 0; i < rows; i++) a[i, j] *= scale;
        }
    }

    // Cyclic Jacobi rotations of a symmetric matrix: eigenvalues (diagonal) and eigenvectors (columns).
    private static (double[] Values, double[,] Vectors) Jacobi(double[,] s)
    {
        var n = s.GetLength(0);
        var a = (double[,])s.Clone();
        var v = new double[n, n];
        for (var i = 0; i < n; i++) v[i, i] = 1;
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, scale = 0;
            for (var p = 0; p < n; p++)
            {
                scale += a[p, p] * a[p, p];
                for (var q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            }
            if (off <= 1e-30 * Math.Max(scale, 1e-300)) break;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0) continue;
                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var sn = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = c * akp - sn * akq;
                        a[k, q] = sn * akp + c * akq;
                    }
                    for (var k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = c * apk - sn * aqk;
                        a[q, k] = sn * apk + c * aqk;
                    }
                    for (var k = 0; k < n; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = c * vkp - sn * vkq;
                        v[k, q] = sn * vkp + c * vkq;
                    }
                }
            }
        }
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = a[i, i];
        return (values, v);
    }

    private static void FixSign(double[,] left, int j)
    {
        var best = 0.0;
        for (var r = 0; r < left.GetLength(0); r++)
        {
            if (Math.Abs(left[r, j]) > Math.Abs(best) + 1e-12) best = left[r, j];
        }
        if (best >= 0) return;
        for (var r = 0; r < left.GetLength(0); r++) left[r, j] = -left[r, j];
    }

    // Box–Muller from the seeded generator.
    private static double Gaussian(Random random)
    {
        var u = 1 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}

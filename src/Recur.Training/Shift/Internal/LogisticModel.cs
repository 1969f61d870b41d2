namespace Recur.Training.Shift.Internal;

/// <summary>L2-regularised logistic regression fitted by Newton's method (deterministic: no randomness at all).</summary>
internal sealed class LogisticModel(double[] beta)
{
    private const double L2 = 1.0;
    private const int Iterations = 25;

    public static LogisticModel Fit(double[][] x, bool[] y)
    {
        var d = (x.Length == 0 ? 0 : x[0].Length) + 1;
        var beta = new double[d];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (var i = 0; i < x.Length; i++)
            {
                var p = Sigmoid(Dot(beta, x[i]));
                var r = p - (y[i] ? 1 : 0);
                var w = Math.Max(p * (1 - p), 1e-9);
                for (var a = 0; a < d; a++)
                {
                    var xa = a == 0 ? 1 : x[i][a - 1];
                    gradient[a] += r * xa;
                    for (var b = 0; b <= a; b++) hessian[a, b] += w * xa * (b == 0 ? 1 : x[i][b - 1]);
                }
            }
            // The intercept is not penalised.
            for (var a = 1; a < d; a++) { gradient[a] += L2 * beta[a]; hessian[a, a] += L2; }
            hessian[0, 0] += 1e-9;
            var step = Solve(hessian, gradient, d);
            var change = 0.0;
            for (var a = 0; a < d; a++) { beta[a] -= step[a]; change = Math.Max(change, Math.Abs(step[a])); }
            if (change < 1e-8) break;
        }
        return new LogisticModel(beta);
    }

    public double Probability(double[] row) => Sigmoid(Dot(beta, row));

    private static double Dot(double[] beta, double[] row)
    {
        var z = beta[0];
        for (var a = 0; a < row.Length; a++) z += beta[a + 1] * row[a];
        return z;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    // Cholesky on the lower triangle of a symmetric positive definite matrix.
    private static double[] Solve(double[,] h, double[] g, int d)
    {
        var l = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var s = h[i, j];
                for (var k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = i == j ? Math.Sqrt(Math.Max(s, 1e-12)) : s / l[j, j];
            }
        }
        var z = new double[d];
        for (var i = 0; i < d; i++)
        {
            var s = g[i];
            for (var k = 0; k < i; k++) s -= l[i, k] * z[k];
            z[i] = s / l[i, i];
        }
        var x = new double[d];
        for (var i = d - 1; i >= 0; i--)
        {
            var s = z[i];
            for (var k = i + 1; k < d; k++) s -= l[k, i] * x[k];
            x[i] = s / l[i, i];
        }
        return x;
    }
}

namespace Recur.Tuning.Internal;

/// <summary>
/// A one-dimensional Parzen estimator on [low, high] (TPE's l(x) or g(x)): a mixture of Gaussians truncated to the range, one at each
/// observation plus a wide prior component at the middle. Bandwidths are the distance to the farther neighbour among the sorted
/// centres (the ends of the range count as neighbours), clipped to [(high - low) / min(100, n + 1), high - low] as Optuna does.
/// </summary>
internal sealed class ParzenEstimator
{
    private readonly double[] _mu;
    private readonly double[] _sigma;
    private readonly double[] _logWeight;
    private readonly double[] _cumulative;
    private readonly double _low;
    private readonly double _high;

    public ParzenEstimator(IReadOnlyList<double> observations, double low, double high, double priorWeight)
    {
        _low = low;
        _high = high;
        var range = high - low;
        var n = observations.Count;
        var centres = new List<(double Mu, bool Prior)>(n + 1) { ((low + high) / 2, true) };
        centres.AddRange(observations.Select(o => (Math.Clamp(o, low, high), false)));
        centres.Sort((a, b) => a.Mu.CompareTo(b.Mu));
        var minSigma = range / Math.Min(100.0, n + 1.0);
        _mu = new double[centres.Count];
        _sigma = new double[centres.Count];
        var weights = new double[centres.Count];
        for (var i = 0; i < centres.Count; i++)
        {
            _mu[i] = centres[i].Mu;
            if (centres[i].Prior)
            {
                _sigma[i] = range;
                weights[i] = priorWeight;
                continue;
            }
            var left = centres[i].Mu - (i > 0 ? centres[i - 1].Mu : low);
            var right = (i < centres.Count - 1 ? centres[i + 1].Mu : high) - centres[i].Mu;
            _sigma[i] = Math.Clamp(Math.Max(left, right), minSigma, range);
            weights[i] = 1.0;
        }
        var total = weights.Sum();
        _logWeight = weights.Select(w => Math.Log(w / total)).ToArray();
        _cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
            _cumulative[i] = sum += weights[i] / total;
    }

    /// <summary>A draw from the mixture, within [low, high].</summary>
    public double Sample(Random random)
    {
        var u = random.NextDouble();
        var k = Array.FindIndex(_cumulative, c => u < c);
        if (k < 0)
            k = _cumulative.Length - 1;
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var x = _mu[k] + _sigma[k] * StandardNormal(random);
            if (x >= _low && x <= _high)
                return x;
        }
        return _low + random.NextDouble() * (_high - _low);
    }

    /// <summary>The log density of the truncated mixture at <paramref name="x"/>.</summary>
    public double LogDensity(double x)
    {
        var terms = new double[_mu.Length];
        for (var i = 0; i < _mu.Length; i++)
        {
            var z = (x - _mu[i]) / _sigma[i];
            var mass = NormalMath.Cdf((_high - _mu[i]) / _sigma[i]) - NormalMath.Cdf((_low - _mu[i]) / _sigma[i]);
            terms[i] = _logWeight[i] - 0.5 * z * z - Math.Log(_sigma[i] * Math.Sqrt(2 * Math.PI)) - Math.Log(Math.Max(mass, 1e-12));
        }
        var max = terms.Max();
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }

    private static double StandardNormal(Random random)
    {
        // Box-Muller; 1 - NextDouble() keeps the logarithm's argument above 0.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

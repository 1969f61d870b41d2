namespace Recur.Evaluation.Skew;

/// <summary>
/// A binary classifier's operating points, best score first: for every distinct score s, the (weighted) true and false
/// positives when rows scoring s or more are called positive. Rows may carry a multiplicity (a bootstrap draw), so one
/// sort of the scores serves every resample.
/// </summary>
internal sealed class OperatingCurve
{
    private readonly double[] _scores;
    private readonly bool[] _labels;
    private readonly int[] _order;

    public OperatingCurve(double[] scores, bool[] labels)
    {
        if (scores.Length != labels.Length) throw new ArgumentException($"{scores.Length} scores but {labels.Length} labels", nameof(labels));
        (_scores, _labels) = (scores, labels);
        _order = [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i)];
    }

    /// <summary>Each distinct threshold with the true positives, false positives and the positives in all, for rows counted <paramref name="counts"/> times (null: once each).</summary>
    public IEnumerable<(double Threshold, double Tp, double Fp, double Positives)> Points(int[]? counts = null)
    {
        double positives = 0;
        for (var i = 0; i < _labels.Length; i++) if (_labels[i]) positives += counts?[i] ?? 1;
        double tp = 0, fp = 0;
        for (var k = 0; k < _order.Length; k++)
        {
            var row = _order[k];
            var n = counts?[row] ?? 1;
            if (_labels[row]) tp += n; else fp += n;
            // Rows with equal scores fall on the same side of any threshold: report once the last of them is counted.
            if (k + 1 < _order.Length && _scores[_order[k + 1]] == _scores[row]) continue;
            yield return (_scores[row], tp, fp, positives);
        }
    }
}

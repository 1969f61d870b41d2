using System.Globalization;

namespace Recur.Monitoring.Policy;

/// <summary>How a canary comparison came out.</summary>
public enum CanaryOutcome
{
    /// <summary>The candidate is not worse beyond the tolerance: promote it.</summary>
    Promote,

    /// <summary>The candidate is worse beyond the interval and the tolerance: roll it back.</summary>
    RollBack,

    /// <summary>Too few labelled rows on one side to judge.</summary>
    Insufficient,
}

/// <summary>The evidence of a canary comparison.</summary>
/// <param name="Outcome">What the comparison says.</param>
/// <param name="Loss">The per-row loss compared (<see cref="CanaryLoss"/>).</param>
/// <param name="CandidateMean">The candidate's mean loss.</param>
/// <param name="ChampionMean">The champion's mean loss on the same period.</param>
/// <param name="Difference">Candidate minus champion (positive: the candidate is worse).</param>
/// <param name="Low">The 95% interval's lower end of the difference.</param>
/// <param name="High">The 95% interval's upper end.</param>
/// <param name="CandidateRows">Labelled candidate rows.</param>
/// <param name="ChampionRows">Labelled champion rows.</param>
/// <param name="Why">The evidence in words.</param>
public sealed record CanaryVerdict(
    CanaryOutcome Outcome, string Loss, double CandidateMean, double ChampionMean, double Difference, double Low, double High,
    int CandidateRows, int ChampionRows, string Why)
{
    /// <summary>The numbers of the verdict, for the audit trail.</summary>
    public IReadOnlyDictionary<string, double> Numbers => new Dictionary<string, double>
    {
        ["candidate_mean_loss"] = CandidateMean, ["champion_mean_loss"] = ChampionMean, ["difference"] = Difference,
        ["difference_low"] = Low, ["difference_high"] = High, ["candidate_rows"] = CandidateRows, ["champion_rows"] = ChampionRows,
    }.Where(p => double.IsFinite(p.Value)).ToDictionary(p => p.Key, p => p.Value);
}

/// <summary>
/// Compares a canary's candidate with the champion on the same period: a two-sample comparison (the sticky split
/// sends each key to one version, so the rows are different requests, not pairs) of the mean per-row loss, with a
/// Welch (unequal variances) normal 95% interval of the difference. The candidate is rolled back only when the
/// interval lies wholly above the tolerance: worse beyond doubt; otherwise it is promoted (the gates already showed
/// it better offline; the canary guards against a live regression).
/// </summary>
public static class CanaryComparison
{
    private const double Z95 = 1.959963984540054;

    /// <summary>Compares the per-row losses (NaN ones left out).</summary>
    public static CanaryVerdict Compare(IEnumerable<double> candidate, IEnumerable<double> champion, string loss, int minRows, double tolerance)
    {
        var a = candidate.Where(double.IsFinite).ToArray();
        var b = champion.Where(double.IsFinite).ToArray();
        var (ma, va) = MeanVariance(a);
        var (mb, vb) = MeanVariance(b);
        if (a.Length < minRows || b.Length < minRows)
        {
            return new(CanaryOutcome.Insufficient, loss, ma, mb, ma - mb, double.NaN, double.NaN, a.Length, b.Length,
                $"{a.Length} labelled candidate rows and {b.Length} champion rows; the comparison needs {minRows} on each side");
        }
        var diff = ma - mb;
        var se = Math.Sqrt((va / a.Length) + (vb / b.Length));
        var (low, high) = (diff - (Z95 * se), diff + (Z95 * se));
        var shown = $"mean {loss}: candidate {F(ma)} ({a.Length} rows) vs champion {F(mb)} ({b.Length} rows), difference {F(diff)} [95% {F(low)}, {F(high)}], Welch two-sample";
        return low > tolerance
            ? new(CanaryOutcome.RollBack, loss, ma, mb, diff, low, high, a.Length, b.Length, $"{shown}: the candidate is worse beyond the interval (tolerance {F(tolerance)})")
            : new(CanaryOutcome.Promote, loss, ma, mb, diff, low, high, a.Length, b.Length, $"{shown}: the candidate is not worse beyond the interval (tolerance {F(tolerance)})");
    }

    private static (double Mean, double Variance) MeanVariance(double[] x)
    {
        if (x.Length == 0) return (double.NaN, double.NaN);
        var mean = x.Average();
        var variance = x.Length < 2 ? 0 : x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
        return (mean, variance);
    }

    private static string F(double v) => v.ToString("0.#####", CultureInfo.InvariantCulture);
}

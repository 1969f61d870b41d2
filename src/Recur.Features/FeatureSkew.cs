using System.Globalization;

namespace Recur.Features;

/// <summary>How far serving-time feature statistics may stray from training's before it is called skew.</summary>
/// <param name="MissingShare">Largest rise in a feature's missing share (absolute, e.g. 0.1 = 10 points).</param>
/// <param name="UnseenShare">Largest rise in the share of a category feature's values outside the training vocabulary.</param>
/// <param name="MeanShift">Largest move of a numeric feature's mean, in training standard deviations.</param>
public sealed record SkewLimits(double MissingShare = 0.1, double UnseenShare = 0.1, double MeanShift = 1.0);

/// <summary>One feature whose serving-time statistics differ from training's beyond a limit.</summary>
/// <param name="Feature">The model feature (after the chain).</param>
/// <param name="Kind">missing, unseen or shift.</param>
/// <param name="Training">The training value of the statistic.</param>
/// <param name="Serving">The serving value.</param>
/// <param name="Limit">The limit it passed.</param>
/// <param name="Message">The finding in words.</param>
public sealed record SkewFinding(string Feature, string Kind, double Training, double Serving, double Limit, string Message);

/// <summary>Training/serving skew: the chain's outputs on served rows against the statistics recorded with the model.</summary>
/// <param name="FeaturesChecked">Features compared.</param>
/// <param name="Rows">Served rows measured.</param>
/// <param name="Findings">The features beyond a limit.</param>
public sealed record SkewReport(int FeaturesChecked, int Rows, IReadOnlyList<SkewFinding> Findings)
{
    /// <summary>Whether any feature is skewed.</summary>
    public bool Skewed => Findings.Count > 0;
}

/// <summary>
/// Training/serving skew, as its own finding beside drift: drift asks whether the world changed (the raw inputs'
/// distribution against the training profile); skew asks whether the features the model reads at serving time are
/// computed like the ones it learned from — a feature suddenly missing, categories the vocabulary never saw (a
/// spelling or case change upstream), a number on another scale (a unit change). It compares the chain's outputs on
/// the served rows with <see cref="FeatureChain.Statistics"/>, recorded when the chain was fitted.
/// </summary>
public static class FeatureSkew
{
    /// <summary>Compares the chain's outputs on served raw rows with its training statistics.</summary>
    public static SkewReport Check(FeatureChain chain, Core.Data.DataTable served, SkewLimits limits)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(limits);
        var serving = FeatureStatistics.Of(chain.Apply(served), chain.Outputs).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var findings = new List<SkewFinding>();
        foreach (var trained in chain.Statistics)
        {
            if (!serving.TryGetValue(trained.Name, out var now)) continue;
            if (now.Missing - trained.Missing > limits.MissingShare)
            {
                findings.Add(new(trained.Name, "missing", trained.Missing, now.Missing, limits.MissingShare,
                    $"'{trained.Name}' is missing in {Percent(now.Missing)} of served rows, {Percent(trained.Missing)} in training"));
            }
            if (now.Unseen is { } unseen && unseen - (trained.Unseen ?? 0) > limits.UnseenShare)
            {
                findings.Add(new(trained.Name, "unseen", trained.Unseen ?? 0, unseen, limits.UnseenShare,
                    $"{Percent(unseen)} of served '{trained.Name}' values are outside the training vocabulary, {Percent(trained.Unseen ?? 0)} in training"));
            }
            if (trained.Mean is { } mean && now.Mean is { } servedMean && now.Missing < 1)
            {
                var shift = Math.Abs(servedMean - mean) / Math.Max(trained.Std ?? 0, 1e-12);
                if (shift > limits.MeanShift && Math.Abs(servedMean - mean) > 1e-9)
                {
                    findings.Add(new(trained.Name, "shift", mean, servedMean, limits.MeanShift,
                        string.Create(CultureInfo.InvariantCulture, $"mean of '{trained.Name}' is {servedMean:G4} at serving, {mean:G4} in training ({shift:G3} training standard deviations)")));
                }
            }
        }
        return new SkewReport(chain.Statistics.Count, served.RowCount, findings);
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);
}

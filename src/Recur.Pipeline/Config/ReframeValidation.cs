using System.Globalization;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of framing.reframe; whether the label is numeric and the score column exists is for the data to
/// say, when training starts (<see cref="Framing.Reframe.BucketFraming"/>, <see cref="Framing.Reframe.ThresholdFraming"/>).
/// Errors name the key; the loader adds its line.
/// </summary>
internal static class ReframeValidation
{
    public static void Validate(ReframeConfig r, string text)
    {
        if (YamlBinder.Locate(text, "framing", "reframe", "buckets") is not null && r.Buckets < 2)
        {
            throw Invalid("framing.reframe.buckets", $"must be at least 2 (one bucket is no distribution), not {r.Buckets}");
        }
        if (r.Buckets > 100) throw Invalid("framing.reframe.buckets", $"must be at most 100 (each bucket is a class of the classifier), not {r.Buckets}");
        if (r.Buckets > 0 && r.Edges.Count > 0) throw Invalid("framing.reframe.edges", "and framing.reframe.buckets are both set; give either a bucket count (quantile edges) or the edges");
        foreach (var e in r.Edges) if (!double.IsFinite(e)) throw Invalid("framing.reframe.edges", $"must be finite numbers, not {Format(e)}");
        for (var i = 1; i < r.Edges.Count; i++)
        {
            if (!(r.Edges[i] > r.Edges[i - 1]))
            {
                throw Invalid("framing.reframe.edges", $"must be strictly increasing, but edge {i + 1} ({Format(r.Edges[i])}) is not above edge {i} ({Format(r.Edges[i - 1])})");
            }
        }
        if (!(r.Level > 0 && r.Level < 1)) throw Invalid("framing.reframe.level", $"must be between 0 and 1 (the intervals' coverage, e.g. 0.9), not {Format(r.Level)}");
        if (r.Regress.Length > 0 && r.Above is null) throw Invalid("framing.reframe.regress", $"needs framing.reframe.above: the value of {r.Regress} above which a row is positive");
        if (r.Above is { } above && r.Regress.Length == 0) throw Invalid("framing.reframe.above", "needs framing.reframe.regress: the numeric column the threshold applies to");
        if (r.Above is { } a && !double.IsFinite(a)) throw Invalid("framing.reframe.above", $"must be a finite number, not {Format(a)}");
        if (r.Regress.Length > 0 && (r.Buckets > 0 || r.Edges.Count > 0))
        {
            throw Invalid("framing.reframe.regress", "and bucket reframing both declared; buckets reframe a regression label, regress a binary one: keep the one that fits the label");
        }
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static RecurException Invalid(string key, string problem) => RecurException.Invalid($"recur.yaml: {key} {problem}", key);
}

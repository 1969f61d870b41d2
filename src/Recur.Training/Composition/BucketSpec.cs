using System.Globalization;

namespace Recur.Training.Composition;

/// <summary>
/// The fitted settings of a <see cref="BucketComposition"/>: the inner edges, each bucket's class name in the member
/// classifier, its representative value (the mean of the training targets that fell in it) and the span the interval
/// interpolates in (the outer buckets end at the smallest and largest training target), and the interval's level.
/// </summary>
/// <param name="Edges">The inner edges, strictly increasing: bucket k holds values in [Edges[k-1], Edges[k]).</param>
/// <param name="Classes">Bucket k's class name in the member ("b00", "b01", …; zero-padded so they sort in bucket order).</param>
/// <param name="Means">Bucket k's training mean (its edges' midpoint when no training row fell in it).</param>
/// <param name="Min">The smallest training target: where the first bucket's span starts.</param>
/// <param name="Max">The largest training target: where the last bucket's span ends.</param>
/// <param name="Level">The interval's nominal coverage.</param>
public sealed record BucketSpec(IReadOnlyList<double> Edges, IReadOnlyList<string> Classes, IReadOnlyList<double> Means, double Min, double Max, double Level)
{
    /// <summary>The number of buckets.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Count => Edges.Count + 1;

    /// <summary>Bucket k's lower end of its span (the training minimum for the first).</summary>
    public double Lower(int k) => k == 0 ? Math.Min(Min, Edges[0]) : Edges[k - 1];

    /// <summary>Bucket k's upper end of its span (the training maximum for the last).</summary>
    public double Upper(int k) => k == Edges.Count ? Math.Max(Max, Edges[^1]) : Edges[k];

    /// <summary>The bucket a value falls in.</summary>
    public int BucketOf(double value)
    {
        var k = 0;
        while (k < Edges.Count && value >= Edges[k]) k++;
        return k;
    }

    /// <summary>Bucket k's name for people and the HTTP answer: "&lt; 5", "[5, 8.5)", "≥ 40".</summary>
    public string Name(int k) =>
        k == 0 ? $"< {Format(Edges[0])}" : k == Edges.Count ? $">= {Format(Edges[^1])}" : $"[{Format(Edges[k - 1])}, {Format(Edges[k])})";

    /// <summary>The class name of bucket k in the member classifier.</summary>
    public static string ClassName(int k) => "b" + k.ToString("D2", CultureInfo.InvariantCulture);

    private static string Format(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}

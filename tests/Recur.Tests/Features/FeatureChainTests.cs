using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Features.Transforms;
using static Recur.Tests.Features.FeatureTables;

namespace Recur.Tests.Features;

/// <summary>The saved chain: JSON round trips apply bit for bit, and the same training rows give the same bytes.</summary>
public sealed class FeatureChainTests
{
    private static readonly string[] Colours = ["red", "green", "blue"];

    private static DataTable Train()
    {
        const int rows = 40;
        var range = Enumerable.Range(0, rows).ToArray();
        return new DataTable(
        [
            Real("x", [.. range.Select(i => i % 7 == 3 ? double.NaN : Math.Sin(i) * 10)]),
            Integer("hour", [.. range.Select(i => (double)(i * 5 % 24))]),
            Text("color", [.. range.Select(i => i % 9 == 4 ? null : Colours[i % 3])]),
            Text("user", [.. range.Select(i => $"u{i % 30}")]),
            Text("title", [.. range.Select(i => i % 11 == 5 ? null : $"word{i % 5} token{i % 3} common")]),
            Integer("y", [.. range.Select(i => (double)(i % 2))]),
        ]);
    }

    // Rows the training split never saw: unseen categories and words, and a missing value in every column.
    private static DataTable Fresh() => new(
    [
        Real("x", 1.5, double.NaN, -100, 3),
        Integer("hour", 7, 23, double.NaN, 0),
        Text("color", "purple", null, "red", "green"),
        Text("user", "u999", "u3", null, "u0"),
        Text("title", "never seen words", null, "word1 common common", ""),
    ]);

    private static FeaturesConfig Config() => new()
    {
        Transforms =
        [
            new TransformConfig { Transform = "impute", Columns = ["x"], Params = { ["strategy"] = "mean" } },
            new TransformConfig { Transform = "standardize", Columns = ["x"] },
            new TransformConfig { Transform = "cross", Columns = ["hour", "color"], Params = { ["buckets"] = "32" } },
            new TransformConfig { Transform = "bucketize", Columns = ["hour"], Params = { ["buckets"] = "4" } },
            new TransformConfig { Transform = "onehot", Columns = ["color"] },
            new TransformConfig { Transform = "hash", Columns = ["user"], Params = { ["buckets"] = "64" } },
            new TransformConfig { Transform = "tfidf", Columns = ["title"], Params = { ["min_df"] = "1", ["word_ngrams"] = "2" } },
        ],
    };

    internal static FeatureChain FitChain(FeaturesConfig config, DataTable train)
    {
        var plan = FeaturePlan.From(new ProjectConfig { Name = "m", Label = "y", Features = config }, train);
        return FeatureEngineering.Fit(config, plan, train).Chain!;
    }

    [Fact]
    public void FromJson_RoundTrip_AppliesBitForBitIncludingUnseenAndMissing()
    {
        var chain = FitChain(Config(), Train());

        var read = FeatureChain.FromJson(chain.ToJson(TransformCatalog.Standard), TransformCatalog.Standard);
        var expected = chain.Apply(Fresh());
        var actual = read.Apply(Fresh());

        Assert.Equal(expected.Columns.Select(c => (c.Name, c.Spec.Type)), actual.Columns.Select(c => (c.Name, c.Spec.Type)));
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            switch (expected.Columns[c])
            {
                case NumericColumn n:
                    Assert.Equal(n.Values.Select(BitConverter.DoubleToInt64Bits), ((NumericColumn)actual.Columns[c]).Values.Select(BitConverter.DoubleToInt64Bits));
                    break;
                case TextColumn t:
                    Assert.Equal(t.Values, ((TextColumn)actual.Columns[c]).Values);
                    break;
            }
        }
    }

    [Fact]
    public void Apply_FreshRows_HandlesUnseenAndMissingValuesByStep()
    {
        var features = FitChain(Config(), Train()).Apply(Fresh());

        Assert.Equal(new[] { OneHot.Other, null, "red", "green" }, ((TextColumn)features["color"]).Values);
        Assert.Equal(new double[] { 0, 1, 0, 0 }, ((NumericColumn)features["x:missing"]).Values);
        Assert.Null(((TextColumn)features["user"]).Values[2]);
        Assert.NotNull(((TextColumn)features["hour_x_color"]).Values[2]);
        Assert.True(double.IsNaN(((NumericColumn)features["hour"]).Values[2]));
        var tfidf = features.Columns.Where(c => c.Name.StartsWith("title:tfidf:", StringComparison.Ordinal)).Cast<NumericColumn>().ToList();
        Assert.All(tfidf, c => Assert.Equal(0, c.Values[0]));
        Assert.Equal(1, Math.Sqrt(tfidf.Sum(c => c.Values[2] * c.Values[2])), 12);
    }

    [Fact]
    public void ToJson_SameTrainingRows_SameBytes()
    {
        var first = FitChain(Config(), Train()).ToJson(TransformCatalog.Standard);
        var second = FitChain(Config(), Train()).ToJson(TransformCatalog.Standard);

        Assert.Equal(first, second);
        Assert.Equal(first, FeatureChain.FromJson(first, TransformCatalog.Standard).ToJson(TransformCatalog.Standard));
    }

    [Fact]
    public void ToJson_Steps_AreTaggedByTransformName()
    {
        var json = System.Text.Encoding.UTF8.GetString(FitChain(Config(), Train()).ToJson(TransformCatalog.Standard));

        Assert.Contains("\"transform\":\"cross\"", json);
        Assert.Contains("\"transform\":\"tfidf\"", json);
    }

    [Fact]
    public void Apply_RowsWithoutAnInput_ThrowsNamingTheColumn()
    {
        var chain = FitChain(Config(), Train());
        var rows = new DataTable([.. Fresh().Columns.Where(c => c.Name != "user")]);

        var e = Assert.Throws<Recur.Core.RecurException>(() => chain.Apply(rows));

        Assert.Equal("user", e.Field);
    }
}

using System.Numerics;
using Recur.Core.Hashing;
using Recur.Features.Transforms;
using static Recur.Tests.Features.FeatureTables;

namespace Recur.Tests.Features.Transforms;

/// <summary>onehot's vocabulary, hash and cross buckets as BigQuery computes them.</summary>
public sealed class CategoricalTransformsTests
{
    private static readonly string?[] Colours = ["a", "a", "a", "b", "b", "c", null];

    [Fact]
    public void OneHotFit_MinFrequency_KeepsValuesSeenOftenEnough()
    {
        var fitted = Fit<OneHot.Fitted>("onehot", Text("c", Colours), ("min_frequency", "2"));

        Assert.Equal(["a", "b"], fitted.Vocabulary);
        Assert.Equal(3, fitted.Seen);
    }

    [Fact]
    public void OneHotFit_MaxCategories_KeepsTheMostFrequent()
    {
        var fitted = Fit<OneHot.Fitted>("onehot", Text("c", Colours), ("max_categories", "1"));

        Assert.Equal(["a"], fitted.Vocabulary);
    }

    [Fact]
    public void OneHotApply_UnseenAndMissing_GivesOtherAndKeepsNull()
    {
        var fitted = Fit<OneHot.Fitted>("onehot", Text("c", Colours), ("min_frequency", "2"));

        var values = Texts(fitted, Text("c", "a", "c", "zebra", null, "b"));

        Assert.Equal(new[] { "a", OneHot.Other, OneHot.Other, null, "b" }, values);
        Assert.Equal("(other)", OneHot.Other);
    }

    [Fact]
    public void OneHotFit_NumericColumn_UsesInvariantText()
    {
        var fitted = Fit<OneHot.Fitted>("onehot", Integer("n", 2, 1, 1, 10, double.NaN));

        Assert.Equal(["1", "10", "2"], fitted.Vocabulary);
        Assert.Equal(new[] { "10", null, OneHot.Other }, Texts(fitted, Integer("n", 10, double.NaN, 3)));
    }

    [Theory]
    [InlineData("alpha", 1024)]
    [InlineData("u123456", 1000)]
    [InlineData("", 7)]
    public void HashApply_Value_IsFingerprintBucket(string value, int buckets)
    {
        var fitted = Fit<HashTransform.Fitted>("hash", Text("u", value), ("buckets", buckets.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var expected = Fingerprint64.Bucket(Fingerprint64.Hash(value), buckets);

        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Texts(fitted, Text("u", value))[0]);
    }

    // FARM_FINGERPRINT values BigQuery's documentation publishes (see Fingerprint64Tests); the bucket a BigQuery
    // user computes as MOD(ABS(FARM_FINGERPRINT(x)), n), done here in unbounded integers.
    [Theory]
    [InlineData("1footrue", -1541654101129638711L, 1024)]
    [InlineData("1footrue", -1541654101129638711L, 1000)]
    [InlineData("2applefalse", 2794438866806483259L, 1024)]
    [InlineData("2applefalse", 2794438866806483259L, 7)]
    [InlineData("3true", -4880158226897771312L, 100)]
    public void HashApply_BigQueryPublishedFingerprint_MatchesModOfAbs(string value, long fingerprint, int buckets)
    {
        var fitted = Fit<HashTransform.Fitted>("hash", Text("u", value), ("buckets", buckets.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var expected = BigInteger.Abs(new BigInteger(fingerprint)) % buckets;

        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Texts(fitted, Text("u", value))[0]);
    }

    [Fact]
    public void HashApply_Integers_HashAsTheirText()
    {
        var fitted = Fit<HashTransform.Fitted>("hash", Integer("n", 7));

        var values = Texts(fitted, Integer("n", 7, double.NaN, -3));

        Assert.Equal(Fingerprint64.Bucket(Fingerprint64.Hash("7"), 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), values[0]);
        Assert.Null(values[1]);
        Assert.Equal(Fingerprint64.Bucket(Fingerprint64.Hash("-3"), 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), values[2]);
        Assert.Equal(Fingerprint64.Bucket(Fingerprint64.Hash("2.5"), 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), Texts(fitted, Real("n", 2.5))[0]);
    }

    // Values whose text takes every path of the key buffer: long (pooled bytes), non-ASCII, a lone surrogate, awkward doubles.
    public static TheoryData<string> AwkwardTexts() => new() { new string('x', 600), "naïve 東京 😀", "bad \uD800 half", "" };

    [Theory]
    [MemberData(nameof(AwkwardTexts))]
    public void HashApply_AwkwardText_EqualsFingerprintOfTheString(string value)
    {
        var fitted = Fit<HashTransform.Fitted>("hash", Text("u", value), ("buckets", "1000"));

        Assert.Equal(Bucket(value, 1000), Texts(fitted, Text("u", value))[0]);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.0)]
    [InlineData(1e300)]
    [InlineData(-123456789.125)]
    [InlineData(double.PositiveInfinity)]
    public void CrossApply_AwkwardNumbers_EqualsFingerprintOfFormattedText(double value)
    {
        var column = Real("x", value);
        var fitted = (Cross.Fitted)Fit("cross", [column, Text("t", new string('y', 300))]);

        Assert.Equal(Bucket(column.Format(0) + "\u001F" + new string('y', 300), 1024), Texts(fitted, column, Text("t", new string('y', 300)))[0]);
    }

    [Fact]
    public void CrossApply_TwoColumns_HashesValuesJoinedByUnitSeparator()
    {
        var fitted = (Cross.Fitted)Fit("cross", [Integer("hour", 18), Text("city", "paris")], ("buckets", "256"));

        var values = Texts(fitted, Integer("hour", 18, double.NaN), Text("city", "paris", null));

        Assert.Equal("hour_x_city", fitted.Output);
        Assert.Equal(Bucket("18\u001Fparis", 256), values[0]);
        Assert.Equal(Bucket("\u001F", 256), values[1]);
    }

    [Fact]
    public void CrossApply_ThreeColumnsOneMissing_HashesMissingAsEmpty()
    {
        var fitted = (Cross.Fitted)Fit("cross", [Text("a", "x"), Text("b", "y"), Text("c", "z")]);

        var values = Texts(fitted, Text("a", "x"), Text("b", (string?)null), Text("c", "z"));

        Assert.Equal(Bucket("x\u001F\u001Fz", 1024), values[0]);
    }

    private static string Bucket(string key, int buckets) =>
        Fingerprint64.Bucket(Fingerprint64.Hash(key), buckets).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

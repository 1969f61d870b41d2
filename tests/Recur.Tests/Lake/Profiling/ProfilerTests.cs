using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Profiles;
using Recur.Lake.Profiling;

namespace Recur.Tests.Lake.Profiling;

/// <summary>
/// Profiles of the small table in tests/data/golden/profile.json against pandas and numpy
/// (gen_profile_goldens.py), plus the conventions pandas leaves open.
/// </summary>
public sealed class ProfilerTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly JsonElement Golden = LoadGolden();
    private static readonly TableProfile GoldenProfile = Profiler.Profile(GoldenTable(), new ProfileOptions(ReferenceQuantiles: Golden.GetProperty("reference_quantiles").GetInt32()));

    public static TheoryData<string> GoldenColumns() => [.. Golden.GetProperty("expected").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(GoldenColumns))]
    public void Profile_GoldenColumn_MatchesPandasAndNumpy(string name)
    {
        var expected = Golden.GetProperty("expected").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

        var actual = JsonSerializer.SerializeToElement(GoldenProfile.Columns.Single(c => c.Name == name), Json);

        AssertMatches(expected, actual, name);
    }

    [Fact]
    public void Profile_ManyColumnsInParallel_GivesTheSameJsonEveryTime()
    {
        var table = Wide(columns: 16, rows: 5000);

        var first = JsonSerializer.Serialize(Profiler.Profile(table), Json);
        for (var i = 0; i < 5; i++) Assert.Equal(first, JsonSerializer.Serialize(Profiler.Profile(table), Json));
    }

    [Fact]
    public void Profile_TableWithoutRows_GivesZeroCountsAndRates()
    {
        var profile = Profiler.Profile(new DataTable([Numbers(), Texts()]));

        Assert.Equal(0, profile.Rows);
        Assert.All(profile.Columns, c => Assert.Equal((0L, 0.0, 0L), (c.Count, c.MissingRate, c.Distinct)));
    }

    [Fact]
    public void Profile_TopValuesOption_KeepsThatManyMostFrequent()
    {
        var top = ProfileOf(Texts("b", "a", "b", "c", "a", "b", "d"), new ProfileOptions(TopValues: 2)).TopValues;

        Assert.Equal([new ValueCount("b", 3), new ValueCount("a", 2)], top);
    }

    [Fact]
    public void Profile_ManyTiedNumbers_OrdersTiesByOrdinalTextLikeFormat()
    {
        var random = new Random(7);
        double[] values = [.. Enumerable.Range(0, 3000).Select(_ => random.Next(6) switch
        {
            0 => -random.NextDouble(),
            1 => Math.Round(random.NextDouble() * 40 - 20, 1),
            2 => random.NextDouble() * 1e-6,
            3 => random.Next(-3, 30),
            4 => random.NextDouble() * 1e18,
            _ => -0.0,
        })];

        var top = ProfileOf(Numbers(values), new ProfileOptions(TopValues: 25)).TopValues;

        var expected = values.GroupBy(v => v).Select(g => new ValueCount((g.Key == 0 ? 0.0 : g.Key).ToString("R", CultureInfo.InvariantCulture), g.Count()));
        Assert.Equal(expected.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(25), top);
    }

    [Theory]
    [InlineData(new[] { 1.0, 9, 15, 100 }, new[] { "1", "100" })]
    [InlineData(new[] { -0.5, -2, -10, 3 }, new[] { "-0.5", "-10" })]
    [InlineData(new[] { 0.25, 2e-7, 7, 3e20 }, new[] { "0.25", "2E-07" })]
    public void Profile_AllDistinctNumbers_KeepsTheOrdinallySmallestTexts(double[] values, string[] expected)
    {
        var top = ProfileOf(Numbers(values), new ProfileOptions(TopValues: 2)).TopValues;

        Assert.Equal(expected, top.Select(v => v.Value));
    }

    [Fact]
    public void Profile_NegativeAndPositiveZero_CountAsOneValueWrittenZero()
    {
        var column = ProfileOf(Numbers(-0.0, 0.0, -0.0, 1));

        Assert.Equal((2L, 3L), (column.Distinct, column.Numeric!.Zeros));
        Assert.Equal(new ValueCount("0", 3), column.TopValues[0]);
    }

    [Fact]
    public void Profile_ManyTiedTexts_OrdersTiesByOrdinalText()
    {
        var random = new Random(11);
        string?[] values = [.. Enumerable.Range(0, 3000).Select(_ => random.Next(40) == 0 ? null : new string((char)random.Next('A', 'z'), random.Next(0, 3)) + random.Next(900))];

        var top = ProfileOf(Texts(values)).TopValues;

        var expected = values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal).Select(g => new ValueCount(g.Key, g.Count()));
        Assert.Equal(expected.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(10), top);
    }

    [Fact]
    public void Profile_InfiniteValue_LeavesOutTheHistogram()
    {
        var column = ProfileOf(Numbers(1, 2, double.PositiveInfinity));

        Assert.Null(column.Histogram);
        Assert.Equal(double.PositiveInfinity, column.Numeric!.Max);
    }

    [Fact]
    public void Profile_TextOutsideTheBasicPlane_CountsCodePoints()
    {
        var text = ProfileOf(Texts("😀", "a😀b")).Text!;

        Assert.Equal((1, 3, 2.0), (text.MinLength, text.MaxLength, text.MeanLength));
    }

    [Fact]
    public void Profile_DefaultOptions_ReferenceGridRunsFromMinToMaxIn1001Quantiles()
    {
        var random = new Random(3);
        var column = ProfileOf(Numbers([.. Enumerable.Range(0, 5000).Select(i => i % 50 == 0 ? double.NaN : random.NextDouble() * 10 - 5)]));

        var numbers = column.Reference!.Numbers!;
        Assert.Equal(1001, numbers.Quantiles.Count);
        Assert.Equal((column.Numeric!.Min, column.Numeric.Max, column.Numeric.P50), (numbers.Quantiles[0], numbers.Quantiles[^1], numbers.Quantiles[500]));
        Assert.Equal((column.Count, column.Missing), (numbers.Count, column.Reference.Missing));
        Assert.Equal(column.Numeric.StdDev * Math.Sqrt((numbers.Count - 1.0) / numbers.Count), numbers.PopulationStdDev, 12);
    }

    [Fact]
    public void Profile_MoreDistinctTextsThanTheCap_PoolsTheRestAndSaysSo()
    {
        var column = ProfileOf(Texts("a", "b", "b", "c", "c", "c", "d", "e", null), new ProfileOptions(ReferenceCategories: 2));

        var categories = column.Reference!.Categories!;
        Assert.Equal(["c", "b"], categories.Values);
        Assert.Equal([3L, 2L], categories.Counts);
        Assert.Equal((3L, 3L, true), (categories.OtherCount, categories.OtherDistinct, categories.Truncated));
        Assert.Equal(1, column.Reference.Missing);
    }

    [Fact]
    public void Profile_NoValuePresent_KeepsTheMissingCountInTheReference()
    {
        var profile = Profiler.Profile(new DataTable([Numbers(double.NaN, double.NaN), Texts(null, null)]));

        Assert.Equal((2L, (NumericReference?)null), (profile.Columns[0].Reference!.Missing, profile.Columns[0].Reference!.Numbers));
        Assert.Equal((2L, 0), (profile.Columns[1].Reference!.Missing, profile.Columns[1].Reference!.Categories!.Values.Count));
    }

    [Theory]
    [InlineData(0, 10, 1000, 10, "profile.bins")]
    [InlineData(20, -1, 1000, 10, "profile.top_values")]
    [InlineData(20, 10, 1, 10, "profile.reference_quantiles")]
    [InlineData(20, 10, 1000, 0, "profile.reference_categories")]
    public void Profile_OptionOutOfRange_ThrowsNamingTheOption(int bins, int top, int quantiles, int categories, string field)
    {
        var error = Assert.Throws<RecurException>(() => Profiler.Profile(GoldenTable(), new ProfileOptions(bins, top, quantiles, categories)));

        Assert.Equal(field, error.Field);
    }

    // Field by field, property names included. Order statistics and histogram edges are computed as numpy
    // computes them and match to the bit; sums depend on summation order, so means and the standard
    // deviation match to a relative 1e-12.
    private static void AssertMatches(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected}, got {actual}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(), actual.EnumerateObject().Select(p => p.Name).Order());
                foreach (var property in expected.EnumerateObject()) AssertMatches(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: expected {expected}, got {actual}");
                for (var i = 0; i < expected.GetArrayLength(); i++) AssertMatches(expected[i], actual[i], $"{path}[{i}]");
                break;
            case JsonValueKind.Number:
                double e = expected.GetDouble(), a = actual.GetDouble();
                var summed = path.EndsWith(".mean", StringComparison.Ordinal) || path.EndsWith("std_dev", StringComparison.Ordinal) || path.EndsWith(".mean_length", StringComparison.Ordinal);
                var allowed = summed ? Math.Max(1e-12, 1e-12 * Math.Abs(e)) : 0;
                Assert.True(Math.Abs(e - a) <= allowed, $"{path}: expected {e:R}, got {a:R}");
                break;
            default:
                Assert.True(expected.ToString() == actual.ToString(), $"{path}: expected {expected}, got {actual}");
                break;
        }
    }

    private static ColumnProfile ProfileOf(DataColumn column, ProfileOptions? options = null) => Profiler.Profile(new DataTable([column]), options).Columns[0];

    private static NumericColumn Numbers(params double[] values) => new(new ColumnSpec("x", ColumnType.Real), values);

    private static TextColumn Texts(params string?[] values) => new(new ColumnSpec("t", ColumnType.Text), values);

    private static JsonElement LoadGolden()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "golden", "profile.json")));
        return document.RootElement.Clone();
    }

    private static DataTable GoldenTable() => new([.. Golden.GetProperty("data").EnumerateArray().Select(column =>
    {
        var spec = new ColumnSpec(column.GetProperty("name").GetString()!, ColumnTypeNames.Parse(column.GetProperty("type").GetString()!)!.Value);
        var values = column.GetProperty("values").EnumerateArray();
        return spec.Type.IsNumeric()
            ? (DataColumn)new NumericColumn(spec, [.. values.Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble())])
            : new TextColumn(spec, [.. values.Select(v => v.GetString())]);
    })]);

    private static DataTable Wide(int columns, int rows)
    {
        var random = new Random(42);
        return new DataTable([.. Enumerable.Range(0, columns).Select(c => c % 2 == 0
            ? (DataColumn)new NumericColumn(new ColumnSpec($"n{c}", ColumnType.Real), [.. Enumerable.Range(0, rows).Select(_ => random.Next(10) == 0 ? double.NaN : Math.Round(random.NextDouble() * 100, 1))])
            : new TextColumn(new ColumnSpec($"t{c}", ColumnType.Text), [.. Enumerable.Range(0, rows).Select(_ => random.Next(10) == 0 ? null : $"v{random.Next(50)}")]))]);
    }
}

using System.Diagnostics;
using System.Text.Json;
using Recur.Evaluation.Metrics;
using Xunit;

namespace Recur.Tests.Evaluation.Metrics;

public class BinaryMetricsTests
{
    private static readonly JsonElement Cases = LoadGolden("binary_metrics.json").GetProperty("cases");

    public static TheoryData<int> CaseIndexes()
    {
        var indexes = new TheoryData<int>();
        for (int i = 0; i < Cases.GetArrayLength(); i++)
        {
            indexes.Add(i);
        }

        return indexes;
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Compute_GoldenCase_MatchesScikitLearn(int index)
    {
        JsonElement golden = Cases[index];
        double[] scores = golden.GetProperty("scores").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        bool[] labels = golden.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32() == 1).ToArray();

        BinaryMetricSet metrics = BinaryMetrics.Compute(scores, labels, golden.GetProperty("threshold").GetDouble());

        string name = golden.GetProperty("name").GetString()!;
        AssertClose(golden.GetProperty("auc"), metrics.Auc, $"{name} auc");
        AssertClose(golden.GetProperty("pr_auc"), metrics.PrAuc, $"{name} pr_auc");
        AssertClose(golden.GetProperty("log_loss"), metrics.LogLoss, $"{name} log_loss");
        AssertClose(golden.GetProperty("brier"), metrics.Brier, $"{name} brier");
        AssertClose(golden.GetProperty("accuracy"), metrics.Accuracy, $"{name} accuracy");
        AssertClose(golden.GetProperty("precision"), metrics.Precision, $"{name} precision");
        AssertClose(golden.GetProperty("recall"), metrics.Recall, $"{name} recall");
        AssertClose(golden.GetProperty("f1"), metrics.F1, $"{name} f1");
        Assert.Equal(scores.Length, metrics.Count);
        Assert.Equal(labels.Count(label => label), metrics.Positives);
    }

    [Fact]
    public void Compute_SingleClass_AucIsNaN()
    {
        BinaryMetricSet metrics = BinaryMetrics.Compute([0.2, 0.7, 0.9], [true, true, true], 0.5);

        Assert.True(double.IsNaN(metrics.Auc));
    }

    [Fact]
    public void Compute_TiedScoresAcrossClasses_GiveHalfCredit()
    {
        BinaryMetricSet metrics = BinaryMetrics.Compute([0.5, 0.5], [true, false], 0.5);

        Assert.Equal(0.5, metrics.Auc);
    }

    [Fact]
    public void ToDictionary_Always_UsesSnakeCaseKeys()
    {
        BinaryMetricSet metrics = BinaryMetrics.Compute([0.1, 0.8, 0.4, 0.9], [false, true, false, false], 0.5);

        IReadOnlyDictionary<string, double> values = metrics.ToDictionary();

        Assert.Equal(
            ["accuracy", "auc", "brier", "count", "f1", "log_loss", "positive_rate", "pr_auc", "precision", "recall"],
            values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(4.0, values["count"]);
        Assert.Equal(0.25, values["positive_rate"]);
        Assert.Equal(metrics.PrAuc, values["pr_auc"]);
    }

    [Fact]
    public void Compute_EmptyInput_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([], [], 0.5));

        Assert.Equal("scores", exception.ParamName);
    }

    [Fact]
    public void Compute_LengthMismatch_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([0.3, 0.6], [true], 0.5));

        Assert.Equal("labels", exception.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(1.2)]
    [InlineData(-0.1)]
    public void Compute_ScoreOutsideUnitInterval_ThrowsArgumentException(double badScore)
    {
        var exception = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([0.3, badScore], [true, false], 0.5));

        Assert.Equal("scores", exception.ParamName);
    }

    [Fact]
    public void Compute_NaNThreshold_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([0.3], [true], double.NaN));

        Assert.Equal("threshold", exception.ParamName);
    }

    [Fact]
    public void Compute_MillionRows_WellUnderOneSecond()
    {
        var random = new Random(42);
        var labels = new bool[1_000_000];
        var scores = new double[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = random.NextDouble() < 0.2;
            scores[i] = Math.Round(Math.Clamp(random.NextDouble() * 0.8 + (labels[i] ? 0.2 : 0.0), 0, 1), 4);
        }

        // Speed is measured in bench/, never asserted here; this checks the million-row path is sound.
        var metrics = BinaryMetrics.Compute(scores, labels, 0.5);

        Assert.InRange(metrics.Auc, 0.5, 1.0);
        Assert.Equal(1_000_000, metrics.Count);
    }

    private static JsonElement LoadGolden(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "data", "golden", fileName);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>1e-9 relative (1e-12 absolute near zero); null in the golden file means sklearn had no value (NaN).</summary>
    private static void AssertClose(JsonElement expectedElement, double actual, string because)
    {
        if (expectedElement.ValueKind == JsonValueKind.Null)
        {
            Assert.True(double.IsNaN(actual), $"{because}: expected NaN, got {actual:R}");
            return;
        }

        double expected = expectedElement.GetDouble();
        double allowed = Math.Max(1e-12, 1e-9 * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= allowed, $"{because}: expected {expected:R}, got {actual:R}");
    }
}

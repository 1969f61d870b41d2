using System.Text.Json;
using Xunit;

namespace Recur.Tests.Monitoring.Drift;

/// <summary>
/// Reads the scipy-generated golden files (tests/data/golden, produced by gen_stats_goldens.py).
/// </summary>
internal static class Golden
{
    public static JsonElement Load(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "data", "golden", fileName);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>The generator writes NaN as null because JSON has no NaN.</summary>
    public static double Number(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? double.NaN : element.GetDouble();

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(Number).ToArray();

    /// <summary>One theory row per golden case, so a failure names the case that broke.</summary>
    public static TheoryData<int> Indexes(JsonElement array)
    {
        var indexes = new TheoryData<int>();
        for (int i = 0; i < array.GetArrayLength(); i++)
        {
            indexes.Add(i);
        }

        return indexes;
    }

    public static Dictionary<string, long> Counts(JsonElement map) =>
        map.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetInt64());

    /// <summary>
    /// Relative comparison with an absolute floor, so values near zero (tiny p-values, zero distances)
    /// do not demand impossible relative precision.
    /// </summary>
    public static void AssertClose(double expected, double actual, double relativeTolerance, double absoluteTolerance, string because)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{because}: expected NaN, got {actual:R}");
            return;
        }

        double allowed = Math.Max(absoluteTolerance, relativeTolerance * Math.Abs(expected));
        Assert.True(
            Math.Abs(expected - actual) <= allowed,
            $"{because}: expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):R}, allowed {allowed:R})");
    }
}

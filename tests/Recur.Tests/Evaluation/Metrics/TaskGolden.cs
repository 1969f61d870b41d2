using System.Text.Json;

namespace Recur.Tests.Evaluation.Metrics;

/// <summary>The scikit-learn goldens of tests/data/golden/task_metrics.json (made by make_task_metrics.py).</summary>
internal static class TaskGolden
{
    public static JsonElement Root { get; } = Load();

    public static JsonElement Case(string task, string name) =>
        Root.GetProperty(task).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> Names(string task)
    {
        var names = new TheoryData<string>();
        foreach (var c in Root.GetProperty(task).EnumerateArray()) names.Add(c.GetProperty("name").GetString()!);
        return names;
    }

    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static int[] Ints(this JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    /// <summary>1e-9 relative (1e-12 absolute near zero).</summary>
    public static void AssertClose(double expected, double actual, string because)
    {
        var allowed = Math.Max(1e-12, 1e-9 * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= allowed, $"{because}: expected {expected:R}, got {actual:R}");
    }

    private static JsonElement Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestData.Path("golden", "task_metrics.json")));
        return document.RootElement.Clone();
    }
}

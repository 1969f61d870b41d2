using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>What the per-task loop tests share: copying an example project, request bodies and the report checks.</summary>
public static class TaskLoop
{
    /// <summary>Copies examples/NAME (built next to the tests) into the folder and returns the copy's root.</summary>
    public static string CopyExample(TempDir dir, string name)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "examples", name);
        var target = dir.Path(name);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    /// <summary>A JSON request body.</summary>
    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Ingests the example's train and test datasets.</summary>
    public static async Task IngestAsync(TempDir dir, string root)
    {
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "ingest", "test", "--project", root);
    }

    /// <summary>
    /// Asserts a classifier's confusion matrix in a train or eval JSON document: the named classes, one row of
    /// counts per class summing to the evaluated rows, and the per-class figures whose supports are the row sums.
    /// </summary>
    public static void AssertConfusion(JsonElement document, IReadOnlyList<string> classes, int rows)
    {
        var confusion = document.GetProperty("confusion");
        Assert.Equal(classes, confusion.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!));
        var counts = confusion.GetProperty("counts").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        Assert.Equal(classes.Count, counts.Length);
        Assert.All(counts, r => Assert.Equal(classes.Count, r.Length));
        Assert.Equal(rows, counts.Sum(r => r.Sum()));
        var perClass = document.GetProperty("per_class").EnumerateArray().ToList();
        Assert.Equal(classes, perClass.Select(p => p.GetProperty("class").GetString()!));
        Assert.Equal(counts.Select(r => r.Sum()), perClass.Select(p => p.GetProperty("support").GetInt32()));
    }

    /// <summary>Asserts that the report the document names exists under .recur/reports and holds every fragment.</summary>
    public static string AssertReport(JsonElement document, string root, params string[] fragments)
    {
        var path = document.GetProperty("report").GetString()!;
        Assert.Equal(Path.Combine(root, ".recur", "reports"), Path.GetDirectoryName(path));
        var html = File.ReadAllText(path);
        foreach (var fragment in fragments) Assert.Contains(fragment, html);
        return html;
    }

    /// <summary>A number as JSON or CSV text.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Asserts that a monitor JSON document found the named input feature and the predictions drifted; with
    /// <paramref name="predictionsJudged"/> false, that the predictions were too few to judge and say so instead.
    /// </summary>
    public static void AssertDrifted(JsonElement monitor, string feature, bool predictionsJudged = true)
    {
        var features = monitor.GetProperty("drift").GetProperty("features").EnumerateArray().ToList();
        Assert.True(features.Single(f => f.GetProperty("feature").GetString() == feature).GetProperty("drifted").GetBoolean(), $"{feature} did not drift: {monitor}");
        var prediction = monitor.GetProperty("prediction_drift").GetProperty("features")[0];
        Assert.Equal("prediction", prediction.GetProperty("feature").GetString());
        if (!predictionsJudged)
        {
            Assert.Equal("insufficient_data", prediction.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, prediction.GetProperty("p_value").ValueKind);
            Assert.Contains("min_rows_per_test", prediction.GetProperty("reason").GetString(), StringComparison.Ordinal);
            return;
        }
        Assert.True(prediction.GetProperty("drifted").GetBoolean(), $"the predictions did not drift: {prediction}");
    }

    /// <summary>Runs <c>recur monitor --retrain --json</c> and asserts the policy retrained and registered version 2.</summary>
    public static async Task<JsonElement> RetrainAsync(TempDir dir, string root)
    {
        var monitor = (await CliRunner.OkAsync(dir.Root, "monitor", "--retrain", "--json", "--project", root)).Json;
        Assert.True(monitor.GetProperty("decision").GetProperty("retrain").GetBoolean(), monitor.ToString());
        var retrain = monitor.GetProperty("retrain");
        Assert.Equal(2, retrain.GetProperty("candidate").GetInt32());
        Assert.False(string.IsNullOrEmpty(retrain.GetProperty("reason").GetString()));
        Assert.EndsWith("train-v2.html", retrain.GetProperty("report").GetString());
        Assert.True(File.Exists(retrain.GetProperty("report").GetString()));
        var models = (await CliRunner.OkAsync(dir.Root, "models", "list", "--json", "--project", root)).Json;
        Assert.Equal([1, 2], models.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).Order());
        return retrain;
    }
}

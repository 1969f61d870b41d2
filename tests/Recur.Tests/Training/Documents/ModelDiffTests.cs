using Recur.Core.Registry;
using Recur.Training.Documents;

namespace Recur.Tests.Training.Documents;

public sealed class ModelDiffTests
{
    private static ModelDocument Document(int version, double auc, string leaves, SortedDictionary<string, int> splits, string runtime = ".NET 10.0.0") => new(
        ModelDocument.CurrentFormat, "m", version, new string('a', 64), DateTimeOffset.UnixEpoch, "binary", "y", ["no", "yes"], 0.5,
        [new DocumentInput("age", "real", false, null), new DocumentInput("job", "text", true, ["a", "b"])], null, ["age", "job"],
        new DocumentTrainer("lightgbm", new SortedDictionary<string, string> { ["leaves"] = leaves }, 100, 42),
        new SortedDictionary<string, double> { ["auc"] = auc, ["log_loss"] = 0.4 },
        new DocumentLineage(["s1"], "cfg", "0.1.0", null, new TrainingEnvironment(runtime, "Linux", "X64", new Dictionary<string, string> { ["Microsoft.ML"] = "5.0.0" })),
        new DocumentStructure("trees", splits.Values.Sum(), splits.Values.Sum() + 1, "sigmoid", splits, [], null));

    [Fact]
    public void Of_TwoVersions_ListsAllMetricsWithDeltasAndOnlyTheDifferences()
    {
        var a = Document(1, 0.80, "31", new SortedDictionary<string, int> { ["age"] = 3 });
        var b = Document(2, 0.85, "15", new SortedDictionary<string, int> { ["age"] = 2, ["job"] = 1 }, ".NET 10.0.1");

        var diff = ModelDiff.Of(a, b);

        var auc = Assert.Single(diff.Rows, r => r.Section == "metrics" && r.Item == "auc");
        Assert.Equal(0.05, auc.Delta!.Value, 10);
        Assert.Contains(diff.Rows, r => r.Section == "metrics" && r.Item == "log_loss" && r.Change == "same");
        Assert.Contains(diff.Rows, r => (r.Section, r.Item, r.A, r.B) == ("trainer", "params.leaves", "31", "15"));
        Assert.Contains(diff.Rows, r => (r.Section, r.Item, r.Change) == ("environment", "runtime", "changed"));
        Assert.Contains(diff.Rows, r => (r.Section, r.Item, r.Change) == ("structure", "splits.job", "added"));
        Assert.DoesNotContain(diff.Rows, r => r.Section == "inputs");
        Assert.Contains(diff.Summary, s => s.Contains("features newly split on: job", StringComparison.Ordinal));
        Assert.Contains(diff.Summary, s => s.StartsWith("metrics: auc 0.8 → 0.85 (+0.05)", StringComparison.Ordinal));
    }

    [Fact]
    public void ToJson_SameDocument_IsByteIdenticalAndSorted()
    {
        var doc = Document(1, 0.8, "31", new SortedDictionary<string, int> { ["job"] = 1, ["age"] = 3 });

        var json = doc.ToJson();

        Assert.Equal(json, doc.ToJson());
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.True(json.IndexOf("\"age\": 3", StringComparison.Ordinal) < json.IndexOf("\"job\": 1", StringComparison.Ordinal));
        Assert.DoesNotContain("\"transforms\"", json, StringComparison.Ordinal);
    }
}

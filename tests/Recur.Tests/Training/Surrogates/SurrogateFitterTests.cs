using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Modeling.Surrogates;
using Recur.Training.Surrogates;

namespace Recur.Tests.Training.Surrogates;

public sealed class SurrogateFitterTests
{
    private static readonly FeaturePlan Plan = new([new FeatureSpec("x", ColumnType.Real, true), new FeatureSpec("colour", ColumnType.Text, true, ["blue", "red"])], "y", "yes", "no");

    // x in 0..99 (row 7 missing), colour red on every third row; the target is 0.9 above x = 50 and 0.1 below, +0.05 when red.
    private static (DataTable Rows, double[][] Targets) Data()
    {
        var x = Enumerable.Range(0, 100).Select(i => i == 7 ? double.NaN : i).ToArray();
        var colour = Enumerable.Range(0, 100).Select(i => (string?)(i % 3 == 0 ? "red" : "blue")).ToArray();
        var targets = Enumerable.Range(0, 100).Select(i => new[] { (i > 50 ? 0.9 : 0.1) + (i % 3 == 0 ? 0.05 : 0) }).ToArray();
        return (new DataTable([new NumericColumn(new ColumnSpec("x", ColumnType.Real), x), new TextColumn(new ColumnSpec("colour", ColumnType.Text), colour)]), targets);
    }

    [Fact]
    public void Fit_TwoLeaves_SplitsWhereTheTargetSteps()
    {
        var (rows, targets) = Data();

        var nodes = SurrogateFitter.Fit(rows, Plan.Features, targets, maxLeaves: 2, maxDepth: 4, minLeafRows: 5);

        Assert.Equal(3, nodes.Count);
        Assert.Equal("x", nodes[0].Column);
        Assert.Equal(50.5, nodes[0].Threshold);
        Assert.True(nodes[0].MissingLeft); // row 7 (target 0.1 or 0.15) fits the low side
        Assert.Equal(100, nodes[nodes[0].Left].Rows + nodes[nodes[0].Right].Rows);
    }

    [Fact]
    public void Fit_MoreLeaves_SplitsOnTheCategoryNext()
    {
        var (rows, targets) = Data();

        var nodes = SurrogateFitter.Fit(rows, Plan.Features, targets, maxLeaves: 4, maxDepth: 4, minLeafRows: 5);

        Assert.Equal(4, nodes.Count(n => n.IsLeaf));
        Assert.Contains(nodes, n => n.Column == "colour" && n.Category is "red" or "blue");
        var tree = new SurrogateTree(nodes, new SurrogateFidelity(0, null, null, null, null, null, null));
        var predicted = tree.Predict(rows, Plan, 0.5);
        Assert.All(Enumerable.Range(0, 100), r => Assert.Equal(targets[r][0], predicted.Scores[r], 9));
    }

    [Fact]
    public void Fit_SameRows_SameTree()
    {
        var (rows, targets) = Data();

        var first = SurrogateFitter.Fit(rows, Plan.Features, targets, 8, 4, 5);
        var second = SurrogateFitter.Fit(rows, Plan.Features, targets, 8, 4, 5);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first), System.Text.Json.JsonSerializer.Serialize(second));
    }

    [Fact]
    public void Fit_MinLeafRows_NoLeafIsSmaller()
    {
        var (rows, targets) = Data();

        var nodes = SurrogateFitter.Fit(rows, Plan.Features, targets, 64, 10, 30);

        Assert.All(nodes.Where(n => n.IsLeaf), n => Assert.True(n.Rows >= 30, $"a leaf of {n.Rows} rows"));
    }

    [Fact]
    public void Walk_EveryRow_PathLeadsToTheLeafThatPredicts()
    {
        var (rows, targets) = Data();
        var tree = new SurrogateTree(SurrogateFitter.Fit(rows, Plan.Features, targets, 4, 4, 5), new SurrogateFidelity(0, null, null, null, null, null, null));
        var predicted = tree.Predict(rows, Plan, 0.5);

        foreach (var r in Enumerable.Range(0, 100))
        {
            var (leaf, path) = tree.Walk(rows, r);
            Assert.Equal(predicted.Scores[r], leaf.Value[0]);
            // Every condition on the path holds for the row's own value.
            foreach (var step in path)
            {
                if (step.Value is double x && step.Condition.Contains('≤')) Assert.True(x <= double.Parse(step.Condition.Split('≤')[1], System.Globalization.CultureInfo.InvariantCulture));
                if (step.Value is double y && step.Condition.Contains('>')) Assert.True(y > double.Parse(step.Condition.Split('>')[1], System.Globalization.CultureInfo.InvariantCulture));
                if (step.Value is string s && step.Condition.Contains(" = ")) Assert.EndsWith($"'{s}'", step.Condition);
            }
        }
        var missing = tree.Walk(rows, 7).Path[0];
        Assert.Equal("x is missing", missing.Condition);
        Assert.Null(missing.Value);
    }

    [Fact]
    public void Rules_TwoLeaves_ReadAsConditionsAndAnswers()
    {
        var (rows, targets) = Data();
        var tree = new SurrogateTree(SurrogateFitter.Fit(rows, Plan.Features, targets, 2, 4, 5), new SurrogateFidelity(0, null, null, null, null, null, null));

        var rules = tree.Rules(Plan, 0.5);

        Assert.Equal(2, rules.Count);
        Assert.StartsWith("x ≤ 50.5 (or missing) → no (P(yes) = 0.1", rules[0]);
        Assert.StartsWith("x > 50.5 → yes (P(yes) = 0.9", rules[1]);
    }
}

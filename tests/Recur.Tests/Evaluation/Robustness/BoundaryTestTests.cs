using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Evaluation.Robustness;

namespace Recur.Tests.Evaluation.Robustness;

public sealed class BoundaryTestTests
{
    // x = 5 is the boundary of the hand-made model (score x / 10, positive at 0.5); the reference's x (0 … 10) has
    // interquartile range 5, so a 1 % nudge is 0.05: rows at 5.0 and 4.99 cross it, 5.5 does not, 9 and 1 are not near.
    private static readonly DataTable Rows = new([
        new NumericColumn(new ColumnSpec("x", ColumnType.Real), [5.0, 4.99, 9, 1, 5.5]),
        new NumericColumn(new ColumnSpec("id", ColumnType.Integer), [101, 102, 103, 104, 105]),
        new NumericColumn(new ColumnSpec("y", ColumnType.Integer), [1, 0, 1, 0, 1]),
    ]);

    private static readonly DataTable Reference = new([new NumericColumn(new ColumnSpec("x", ColumnType.Real), [.. Enumerable.Range(0, 11).Select(i => (double)i)])]);

    private static ModelOutput Binary(double[] scores) => new(ModelTask.Binary, scores, [.. scores.Select(s => s >= 0.5 ? "yes" : "no")], null);

    private static ModelOutput ByX(DataTable t) => Binary([.. ((NumericColumn)t["x"]).Values.Select(x => x / 10)]);

    private static readonly BoundaryColumns Columns = new(["x"], [], ["id"], "id");

    [Fact]
    public void Run_NudgesAcrossTheBoundary_CountTheRowsThatFlip()
    {
        var result = BoundaryTest.Run(ByX, Rows, Reference, Columns, new BoundaryTestOptions());

        Assert.True(result.Measured);
        Assert.Equal(3, result.NearBoundary);
        Assert.Equal(3, result.Tested);
        Assert.Equal(2, result.Flipped);
        Assert.Equal(1 - 2 / 3.0, result.Score, 10);
        Assert.InRange(result.Score, result.Low, result.High);
        var nudge = result.Kinds.Single(k => k.Kind == "numeric_nudge");
        Assert.Equal((3, 6, 2), (nudge.Rows, nudge.Perturbations, nudge.Flips));
        Assert.Equal(["101", "102"], nudge.Examples.Select(e => e.Row));
        Assert.Equal(("yes", "no"), (nudge.Examples[0].DecisionBefore, nudge.Examples[0].DecisionAfter));
        Assert.Equal(0, result.Kinds.Single(k => k.Kind == "irrelevant_field").Flips);
    }

    [Fact]
    public void Run_ModelReadingAnIrrelevantColumn_FlipsUnderIrrelevantFields()
    {
        // A buggy model whose score moves with a column it should not read: changing that column flips the rows near the boundary.
        var rows = new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), [5.0, 4.99, 9, 5.5]),
            new NumericColumn(new ColumnSpec("flag", ColumnType.Integer), [0, 1, 0, 0]),
        ]);
        static ModelOutput Leaky(DataTable t) => Binary([.. ((NumericColumn)t["x"]).Values.Zip(((NumericColumn)t["flag"]).Values, (x, flag) => x / 10 + (flag == 1 ? 0.05 : -0.05))]);

        var result = BoundaryTest.Run(Leaky, rows, Reference, new BoundaryColumns([], [], ["flag"]), new BoundaryTestOptions());

        var irrelevant = result.Kinds.Single(k => k.Kind == "irrelevant_field");
        Assert.Equal((3, 2), (irrelevant.Rows, irrelevant.Flips));
        Assert.Equal(["flag"], irrelevant.Columns);
        Assert.All(irrelevant.Examples, e => Assert.Equal("flag", e.Column));
    }

    [Fact]
    public void Run_FillerWords_FlipAModelThatCountsWords()
    {
        // Three words score 0.49, four 0.51: any added word flips the decision; a model that ignores text never flips.
        var rows = new DataTable([new TextColumn(new ColumnSpec("review", ColumnType.Text), ["good value here", "not so great", "works as expected", null])]);
        static ModelOutput Words(DataTable t) => Binary([.. ((TextColumn)t["review"]).Values.Select(v => 0.49 + 0.02 * ((v?.Split(' ').Length ?? 3) - 3))]);
        var columns = new BoundaryColumns([], ["review"], []);

        var counted = BoundaryTest.Run(Words, rows, rows, columns, new BoundaryTestOptions());
        var ignored = BoundaryTest.Run(t => Binary([.. Enumerable.Repeat(0.49, t.RowCount)]), rows, rows, columns, new BoundaryTestOptions());

        var words = counted.Kinds.Single(k => k.Kind == "filler_word");
        Assert.Equal((3, 6, 3), (words.Rows, words.Perturbations, words.Flips));
        Assert.Equal(0, counted.Score);
        Assert.All(words.Examples, e => Assert.Equal(e.Before.Split(' ').Length + 1, e.After.Split(' ').Length));
        Assert.All(words.Examples, e => Assert.Contains(e.After.Split(' '), w => PerturbationKinds.FillerWords.Contains(w)));
        Assert.Equal(1, ignored.Score);
        Assert.Equal(3, ignored.Tested);
    }

    [Fact]
    public void Run_ColumnWithoutInterquartileRange_IsNotNudged()
    {
        // Mostly zeros (a capital gain): a step off zero is a jump, not a nudge.
        var reference = new DataTable([new NumericColumn(new ColumnSpec("x", ColumnType.Real), [0, 0, 0, 0, 0, 0, 0, 5000])]);

        var result = BoundaryTest.Run(ByX, Rows, reference, Columns, new BoundaryTestOptions());

        var nudge = result.Kinds.Single(k => k.Kind == "numeric_nudge");
        Assert.Empty(nudge.Columns);
        Assert.Equal(0, nudge.Rows);
    }

    [Fact]
    public void Run_SameSeed_GivesTheSameResult()
    {
        var columns = new BoundaryColumns(["x"], [], ["id"]);

        var a = BoundaryTest.Run(ByX, Rows, Reference, columns, new BoundaryTestOptions(Seed: 7));
        var b = BoundaryTest.Run(ByX, Rows, Reference, columns, new BoundaryTestOptions(Seed: 7));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(a), System.Text.Json.JsonSerializer.Serialize(b));
    }

    [Fact]
    public void Run_MaxRows_TestsTheClosestRowsFirst()
    {
        var result = BoundaryTest.Run(ByX, Rows, Reference, Columns, new BoundaryTestOptions(MaxRows: 1));

        Assert.Equal(3, result.NearBoundary);
        Assert.Equal(1, result.Tested);
        Assert.Equal("101", result.Kinds[0].Examples.Single().Row);
    }

    [Fact]
    public void Run_Multiclass_UsesTheTopTwoMargin()
    {
        // Row 0: classes a and b within 0.02 (near), moved by x; row 1 (clear = 1): a clear winner.
        var rows = new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), [0.0, 0.0]),
            new NumericColumn(new ColumnSpec("clear", ColumnType.Integer), [0, 1]),
        ]);
        var reference = new DataTable([new NumericColumn(new ColumnSpec("x", ColumnType.Real), [-1.0, 1.0])]);
        static ModelOutput Classes(DataTable t)
        {
            var clear = ((NumericColumn)t["clear"]).Values;
            var p = ((NumericColumn)t["x"]).Values.Select((v, i) => clear[i] == 1 ? new[] { 0.9, 0.05, 0.05 } : new[] { 0.41 - v, 0.39 + v, 0.2 }).ToArray();
            return new ModelOutput(ModelTask.Multiclass, [.. p.Select(r => r.Max())], [.. p.Select(r => "abc"[Array.IndexOf(r, r.Max())].ToString())], p);
        }

        var result = BoundaryTest.Run(Classes, rows, reference, new BoundaryColumns(["x"], [], []), new BoundaryTestOptions(Nudge: 0.05));

        Assert.Equal(1, result.NearBoundary);
        Assert.Equal(1, result.Flipped);
    }

    [Fact]
    public void Run_Regression_IsNotMeasured()
    {
        var result = BoundaryTest.Run(t => ModelOutput.Regression([.. ((NumericColumn)t["x"]).Values]), Rows, Reference, Columns, new BoundaryTestOptions());

        Assert.False(result.Measured);
        Assert.Contains("regression", result.Note);
    }
}

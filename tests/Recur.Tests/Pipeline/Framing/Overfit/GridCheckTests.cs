using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Framing.Overfit;

namespace Recur.Tests.Pipeline.Framing.Overfit;

public sealed class GridCheckTests
{
    // z = x * y over x in 1..3 and y in 1..2, row by row; a change hook lets each test spoil it.
    private static DataTable Grid(Action<List<(double X, double Y, double Z)>>? change = null)
    {
        var rows = new List<(double X, double Y, double Z)>();
        for (var x = 1; x <= 3; x++) for (var y = 1; y <= 2; y++) rows.Add((x, y, x * y));
        change?.Invoke(rows);
        return new DataTable(
        [
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), [.. rows.Select(r => r.X)]),
            new NumericColumn(new ColumnSpec("y", ColumnType.Real), [.. rows.Select(r => r.Y)]),
            new NumericColumn(new ColumnSpec("z", ColumnType.Real), [.. rows.Select(r => r.Z)]),
        ]);
    }

    private static void Check(DataTable data, params string[] inputs)
    {
        var config = new ProjectConfig { Label = "z", Task = "regression" };
        config.Framing.Overfit.Enabled = true;
        config.Framing.Overfit.Inputs = [.. inputs];
        GridCheck.Check(config, FeaturePlan.From(config, data), data);
    }

    [Fact]
    public void Check_FullGrid_Passes() => Check(Grid(), "x", "y");

    [Fact]
    public void Check_DuplicateInputsWithDifferentOutputs_NamesTheInputsBothOutputsAndRows()
    {
        var data = Grid(rows => rows.Add((2, 1, 2.5)));

        var e = Assert.Throws<RecurException>(() => Check(data, "x", "y"));

        Assert.Equal("framing.overfit", e.Field);
        Assert.Contains("the data is a sample, not a function table: inputs x=2, y=1 give 2 at data row 3 and 2.5 at data row 7", e.Message);
    }

    [Fact]
    public void Check_DuplicateInputsWithTheSameOutput_Passes() => Check(Grid(rows => rows.Add((2, 1, 2))), "x", "y");

    [Fact]
    public void Check_MissingCell_SaysHowManyAndOne()
    {
        var data = Grid(rows => rows.RemoveAt(3));

        var e = Assert.Throws<RecurException>(() => Check(data, "x", "y"));

        Assert.Equal("framing.overfit", e.Field);
        Assert.Contains("1 of 6 cells are missing (x × y: 3 × 2 distinct values), e.g. x=2, y=2", e.Message);
    }

    [Fact]
    public void Check_InputsLeavingOutAModelInput_NamesIt()
    {
        var e = Assert.Throws<RecurException>(() => Check(Grid(), "x"));

        Assert.Equal("framing.overfit.inputs", e.Field);
        Assert.Contains("'y' is a model input but not a grid input", e.Message);
    }

    [Fact]
    public void Check_ClassificationLabel_Refused()
    {
        var data = Grid();
        var config = new ProjectConfig { Label = "y" };
        config.Framing.Overfit.Enabled = true;

        var e = Assert.Throws<RecurException>(() => GridCheck.Check(config, FeaturePlan.From(config, data), data));

        Assert.Equal("framing.overfit.enabled", e.Field);
    }
}

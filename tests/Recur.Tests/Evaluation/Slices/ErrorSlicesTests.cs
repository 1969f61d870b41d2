using Recur.Core.Data;
using Recur.Evaluation.Slices;
using Xunit;

namespace Recur.Tests.Evaluation.Slices;

public class ErrorSlicesTests
{
    // 2,000 rows: the model errs 40 % of the time for colour = red with size >= 50, 5 % elsewhere. Ranked by significance,
    // the large red slice comes first; the planted pair is listed with its own rate.
    private static (DataTable Rows, double[] Errors) Planted()
    {
        var random = new Random(11);
        var n = 2000;
        var colours = new string?[n];
        var sizes = new double[n];
        var errors = new double[n];
        string[] palette = ["red", "green", "blue", "grey"];
        for (var r = 0; r < n; r++)
        {
            colours[r] = palette[random.Next(palette.Length)];
            sizes[r] = random.Next(100);
            var rate = colours[r] == "red" && sizes[r] >= 50 ? 0.4 : 0.05;
            errors[r] = random.NextDouble() < rate ? 1 : 0;
        }
        return (new DataTable([new TextColumn(new ColumnSpec("colour", ColumnType.Text), colours), new NumericColumn(new ColumnSpec("size", ColumnType.Real), sizes)]), errors);
    }

    [Fact]
    public void Find_PlantedPair_FindsTheColourAndThePairWithTheirRates()
    {
        var (rows, errors) = Planted();

        var analysis = ErrorSlices.Find(rows, ["colour", "size"], errors, binary: true);

        Assert.Contains("red", analysis.Slices[0].Description);
        var pair = analysis.Slices.First(s => s.Columns.Count == 2 && s.Description.StartsWith("colour = red and size", StringComparison.Ordinal) && s.Description.Contains(">= "));
        Assert.InRange(pair.Error, pair.Low, pair.High);
        Assert.InRange(pair.Error, 0.25, 0.55);
        Assert.True(pair.PValue < 1e-6);
        Assert.DoesNotContain(analysis.Slices, s => s.Description.Contains("green"));
        Assert.True(analysis.Slices.Zip(analysis.Slices.Skip(1)).All(p => p.First.Z >= p.Second.Z));
    }

    [Fact]
    public void Find_TinySliceWithHighRate_IsNotListed()
    {
        var (rows, errors) = Planted();
        var colours = ((TextColumn)rows["colour"]).Values;
        for (var r = 0; r < 5; r++) (colours[r], errors[r]) = ("violet", 1);

        var analysis = ErrorSlices.Find(rows, ["colour", "size"], errors, binary: true);

        Assert.DoesNotContain(analysis.Slices, s => s.Description.Contains("violet"));
        Assert.Equal(30, analysis.MinRows);
    }

    [Fact]
    public void Find_AbsoluteErrors_GivesMeanIntervals()
    {
        var (rows, errors) = Planted();
        var absolute = errors.Select((e, r) => e * 10 + r % 3).ToArray();

        var analysis = ErrorSlices.Find(rows, ["colour", "size"], absolute, binary: false);

        Assert.Equal("mean absolute error", analysis.Measure);
        Assert.All(analysis.Slices, s => Assert.InRange(s.Error, s.Low, s.High));
    }
}

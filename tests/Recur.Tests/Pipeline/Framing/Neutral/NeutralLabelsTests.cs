using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Pipeline.Framing.Neutral;

namespace Recur.Tests.Pipeline.Framing.Neutral;

public sealed class NeutralLabelsTests
{
    private static DataTable Table() => new(
    [
        new TextColumn(new ColumnSpec("y", ColumnType.Text), ["yes", "no", "maybe", "yes", "no", "maybe"]),
        new NumericColumn(new ColumnSpec("stars", ColumnType.Real), [5, 1, 3, 4, 2, 3]),
    ]);

    private static ProjectConfig Config(Action<NeutralConfig> declare)
    {
        var config = new ProjectConfig { Label = "y" };
        declare(config.Framing.Neutral);
        return config;
    }

    [Fact]
    public void Relabel_Value_TurnsItIntoTheNeutralClass()
    {
        var relabelled = NeutralLabels.Relabel(Config(n => n.Value = "maybe"), Table(), strict: true);

        Assert.Equal(["yes", "no", "neutral", "yes", "no", "neutral"], ((TextColumn)relabelled["y"]).Values.Select(v => v!).ToArray());
    }

    [Fact]
    public void Relabel_ScoreBand_MarksRowsInsideTheBand()
    {
        var relabelled = NeutralLabels.Relabel(Config(n => { n.ScoreColumn = "stars"; n.Band = [2.5, 3.5]; }), Table(), strict: true);

        Assert.Equal(["yes", "no", "neutral", "yes", "no", "neutral"], ((TextColumn)relabelled["y"]).Values.Select(v => v!).ToArray());
    }

    [Fact]
    public void Relabel_AgreementBelowLevel_MarksThoseRows()
    {
        var table = new DataTable(
        [
            new TextColumn(new ColumnSpec("y", ColumnType.Text), ["yes", "no", "yes", "no"]),
            new NumericColumn(new ColumnSpec("agree", ColumnType.Real), [1.0, 0.5, 0.9, 0.8]),
        ]);

        var relabelled = NeutralLabels.Relabel(Config(n => { n.AgreementColumn = "agree"; n.MinAgreement = 0.7; }), table, strict: true);

        Assert.Equal(["yes", "neutral", "yes", "no"], ((TextColumn)relabelled["y"]).Values.Select(v => v!).ToArray());
    }

    [Fact]
    public void Relabel_ValueNeverPresent_NamesKeyAndTheValuesSeen()
    {
        var e = Assert.Throws<RecurException>(() => NeutralLabels.Relabel(Config(n => n.Value = "unsure"), Table(), strict: true));

        Assert.Equal("framing.neutral.value", e.Field);
        Assert.Contains("'unsure' never occurs in label 'y' (values: maybe, no, yes)", e.Message);
    }

    [Theory]
    [InlineData(0.0, 6.0, "marks 6 of 6 rows neutral; nothing would be left to decide")]
    [InlineData(3.2, 3.8, "marks 0 of 6 rows neutral; there is no neutral class to learn")]
    public void Relabel_BandSwallowingEverythingOrNothing_SaysHowManyRowsFellInside(double lo, double hi, string expected)
    {
        var e = Assert.Throws<RecurException>(() => NeutralLabels.Relabel(Config(n => { n.ScoreColumn = "stars"; n.Band = [lo, hi]; }), Table(), strict: true));

        Assert.Equal("framing.neutral.band", e.Field);
        Assert.Contains(expected, e.Message);
    }
}

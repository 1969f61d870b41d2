using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Composition;

/// <summary>The neutral composition answers "neutral" with its reason inside the band and keeps the member's answer elsewhere.</summary>
public sealed class NeutralCompositionTests
{
    private static (TrainedModel Model, DataTable Rows) Binary()
    {
        var x = Enumerable.Range(0, 200).Select(i => i / 200.0).ToArray();
        var y = x.Select((v, i) => v > 0.5 == (i % 7 != 0) ? "yes" : "no").ToArray();
        var table = new DataTable([new NumericColumn(new ColumnSpec("x", ColumnType.Real), x), new TextColumn(new ColumnSpec("y", ColumnType.Text), y)]);
        var plan = FeaturePlan.From(new ProjectConfig { Label = "y", Positive = "yes" }, table);
        var trainer = new LbfgsLinear();
        var model = ModelFitter.Fit("m", table, plan, new TrainerChoice(trainer, TrainerSettings.From(trainer, new Dictionary<string, string>(), "training"), "training"), 1, 0.5, 7);
        return (model, table);
    }

    [Fact]
    public void Predict_ScoreInsideBand_AnswersNeutralWithReason()
    {
        var (member, rows) = Binary();
        var band = new AbstainBand(0.4, 0.6, 0.9);
        var composed = TrainedModel.Compose(member.Manifest, NeutralComposition.CompositionName, [new ComposedMember(NeutralComposition.Base, member)],
            CompositionCatalog.ToSpec(new NeutralSpec(band, "")));

        var plain = member.Predict(rows);
        var output = composed.Predict(rows);

        Assert.Equal(plain.Scores, output.Scores);
        for (var r = 0; r < rows.RowCount; r++)
        {
            if (band.Contains(plain.Scores[r]))
            {
                Assert.Equal(NeutralConfig.Label, output.Labels[r]);
                Assert.Matches(@"^score 0\.\d\d inside the abstain band \[0\.40, 0\.60\) chosen for precision 0\.90$", output.Details![r]!.Reason);
            }
            else
            {
                Assert.Equal(plain.Labels[r], output.Labels[r]);
                Assert.Null(output.Details![r]);
            }
        }
        Assert.Contains(output.Labels, l => l == NeutralConfig.Label);
        using var dir = new TempDir();
        var path = Path.Combine(dir.Root, "neutral.zip");
        composed.Save(path);
        var loaded = TrainedModel.Load(path);
        Assert.Equal(output.Labels, loaded.Predict(rows).Labels);
        Assert.Equal(composed.ToBytes(), loaded.ToBytes());
    }
}

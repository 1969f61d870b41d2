using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Steps;
using Recur.Pipeline.Transfer;
using Recur.Training;

namespace Recur.Tests.Pipeline.Transfer;

public sealed class SourceScoreTests
{
    [Fact]
    public void Apply_ReuseScore_ChoosesAStackedModelHoldingTheFrozenSource()
    {
        var source = TransferData.Source("score");
        var config = TransferData.Config();
        config.Training.Candidates = [new CandidateConfig { Trainer = "lbfgs" }];
        var train = TransferData.Rows(30, shift: 1);
        var validation = TransferData.Rows(12, shift: 1);
        var plan = FeaturePlan.From(config, train);
        var chain = TransferStep.Fit(source, config.Features, plan, train, null).Chain;
        var (head, candidates) = CandidateSelection.Run(config, plan, train, validation, "auc", TimeProvider.System, chain);

        var (model, marked) = TransferStep.Apply(source, config, plan, train, validation, chain, head, candidates, TimeProvider.System);

        var chosen = Assert.Single(marked, c => c.Chosen);
        Assert.Equal(SourceScore.Framing, chosen.Framing);
        Assert.Equal("source:1", chosen.Parameters["transfer_from"]);
        Assert.Equal("score", model.Manifest.Parameters["transfer_reuse"]);
        Assert.Same(source.Model, model.Members[0].Model);
        // One ordinary model file: it saves, loads and scores the same.
        var loaded = TrainedModel.Load(model.ToBytes(), "test");
        Assert.Equal(model.Score(validation), loaded.Score(validation));
    }
}

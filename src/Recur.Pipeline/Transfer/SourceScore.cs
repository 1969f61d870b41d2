using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Pipeline.Steps;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Ensembles;

namespace Recur.Pipeline.Transfer;

/// <summary>
/// <c>reuse: score</c>: the whole source model, frozen, is one base learner of a stacked model (<see cref="StackingComposition"/>),
/// the chosen head (the declared trainer fitted on this project's rows) the other; a meta-learner learns from the source's
/// score and the head's out-of-fold score on the training split how much to trust each. The source is never refitted.
/// </summary>
public static class SourceScore
{
    /// <summary>Folds of the head's out-of-fold scores.</summary>
    public const int Folds = 5;

    /// <summary>The framing name listed beside the stacked candidate.</summary>
    public const string Framing = "transfer";

    /// <summary>
    /// The stacked candidate, measured on the validation split and chosen (recur.yaml asked for the transfer); the head
    /// stays in the list as the candidate it is.
    /// </summary>
    public static (TrainedModel Model, IReadOnlyList<CandidateResult> Candidates) Stack(
        TransferSource source, ProjectConfig config, FeaturePlan plan, DataTable train, DataTable validation, FeatureChain? chain,
        TrainedModel head, IReadOnlyList<CandidateResult> candidates, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(candidates);
        var started = time.GetTimestamp();
        var chosen = candidates.First(c => c.Chosen);
        var choices = CandidateSelection.CheckTask(config, plan.Task);
        var choice = choices.FirstOrDefault(c => c.Trainer.Name == chosen.Trainer) ?? choices[0];
        var threads = LightGbmTrainer.Threads(config.Training);
        var threshold = config.Evaluation.Threshold;
        var sourceScores = source.Model.Score(train);
        var folds = Math.Min(Folds, train.RowCount);
        var oof = OutOfFold.Scores(train.RowCount, folds, config.Seed, 1, (fitRows, heldRows) =>
        {
            var fold = ModelFitter.Fit(config.Name, train.Take(fitRows), plan, choice, threads, threshold, config.Seed, chain);
            return [.. fold.Score(train.Take(heldRows)).Select(s => new[] { s })];
        });
        var metaPlan = StackingComposition.MetaPlan(plan, 2);
        var metaTable = new DataTable(
        [
            new NumericColumn(new ColumnSpec(metaPlan.Features[0].Name, ColumnType.Real, false), sourceScores),
            new NumericColumn(new ColumnSpec(metaPlan.Features[1].Name, ColumnType.Real, false), [.. oof.Select(r => r[0])]),
            train[plan.Label],
        ]);
        var metaChoice = Pipeline.Framing.Ensembles.StackingFraming.MetaChoice(config, plan.Task);
        var meta = ModelFitter.Fit(config.Name, metaTable, metaPlan, metaChoice, threads, threshold, config.Seed);
        var sourceName = $"{source.Version.Model}:{source.Version.Version}";
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["bases"] = $"{sourceName} (frozen),{chosen.Trainer}",
            ["meta"] = metaChoice.Trainer.Name,
            ["folds"] = folds.ToString(CultureInfo.InvariantCulture),
        };
        var manifest = new ModelManifest(ModelManifest.CurrentFormat, config.Name, $"transfer({sourceName};{chosen.Trainer};{metaChoice.Trainer.Name})", plan, threshold,
            parameters, train.RowCount, config.Seed);
        var model = TrainedModel.Compose(manifest, "stacking",
            [new ComposedMember(StackingComposition.BaseMember(0), source.Model), new ComposedMember(StackingComposition.BaseMember(1), head), new ComposedMember(StackingComposition.MetaMember, meta)],
            CompositionCatalog.ToSpec(new { bases = new[] { sourceName, chosen.Trainer }, meta = metaChoice.Trainer.Name, folds }));
        var output = model.Predict(validation);
        var metrics = SkewStep.WithCost(TaskScoring.Evaluate(plan, output, validation, threshold, config.Seed, SkewStep.Settings(config)), config, plan, output, validation);
        var result = new CandidateResult(model.Manifest.Trainer, model.Manifest.Parameters, metrics, time.GetElapsedTime(started).TotalSeconds, true)
        {
            Framing = Framing,
            Description = $"the frozen score of {sourceName} and the {chosen.Trainer} head's, combined by an {metaChoice.Trainer.Name} meta-learner on {folds}-fold out-of-fold scores",
            Model = model,
            Preferred = true,
        };
        return (model, [.. candidates.Select(c => c with { Chosen = false }), result]);
    }
}

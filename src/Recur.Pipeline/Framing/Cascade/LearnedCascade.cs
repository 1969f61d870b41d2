using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Framing.Cascade;

/// <summary>
/// A cascade with a learned "typical vs rare" router. The general model's out-of-fold loss on every training row
/// (two folds, so no row is judged by a model that saw it) marks the hardest <c>rare_share</c> of rows as rare; a binary
/// router learns to recognise them from the inputs alone; a specialist is fitted on the training rows the router sends
/// to "rare"; the general model (fitted on every row) answers the typical ones.
/// </summary>
internal static class LearnedCascade
{
    private const string RouterLabel = "__cascade_rare";

    public static void Check(CascadeConfig cascade, FeaturePlan plan, DataTable data, TrainerChoice choice)
    {
        try
        {
            TrainerCatalog.CheckTask(choice.Trainer, ModelTask.Binary, choice.TrainerKey);
        }
        catch (RecurException)
        {
            throw RecurException.Invalid($"framing.cascade.trainer: '{choice.Trainer.Name}' cannot learn the binary router of router: learned; declare a trainer that can", "framing.cascade.trainer");
        }
        var rare = (int)Math.Floor(data.RowCount * cascade.RareShare);
        if (rare < cascade.MinRows)
        {
            throw RecurException.Invalid(FormattableString.Invariant(
                $"framing.cascade.rare_share: {cascade.RareShare} of {data.RowCount} rows is {rare} rare rows, fewer than framing.cascade.min_rows ({cascade.MinRows}); raise rare_share or lower min_rows"), "framing.cascade.rare_share");
        }
    }

    public static FramedCandidate Fit(FramingContext context, TrainerChoice choice, TrainedModel general)
    {
        var (config, plan, train) = (context.Config, context.Plan, context.Train);
        var cascade = config.Framing.Cascade;
        var loss = OutOfFoldLoss(context, choice);
        var hardest = Enumerable.Range(0, loss.Length).OrderByDescending(r => loss[r]).ThenBy(r => r).Take((int)Math.Ceiling(loss.Length * cascade.RareShare)).ToHashSet();
        var marked = new string?[train.RowCount];
        for (var r = 0; r < marked.Length; r++) marked[r] = hardest.Contains(r) ? CascadeSpec.RareBranch : CascadeSpec.TypicalBranch;
        var routerTable = new DataTable([.. train.Columns, new TextColumn(new ColumnSpec(RouterLabel, ColumnType.Text), marked)]);
        var routerPlan = new FeaturePlan(plan.Features, RouterLabel, CascadeSpec.RareBranch, CascadeSpec.TypicalBranch) { Task = ModelTask.Binary };
        var router = ModelFitter.Fit(config.Name, routerTable, routerPlan, choice, context.Threads, 0.5, context.Seed, context.Chain);

        // The threshold sends rare_share of the training rows to the specialist.
        var scores = router.Score(train);
        var threshold = scores.OrderByDescending(s => s).ElementAt(hardest.Count - 1);
        var rareRows = Enumerable.Range(0, scores.Length).Where(r => scores[r] >= threshold).ToArray();
        var rare = train.Take(rareRows);
        CascadeFraming.CheckRows(plan, rare, CascadeSpec.RareBranch, cascade.MinRows, "framing.cascade.rare_share", "training");
        var specialist = ModelFitter.Fit(config.Name, rare, plan, choice, context.Threads, context.Threshold, context.Seed, context.Chain);

        var spec = new CascadeSpec { Router = CascadeSpec.LearnedRouter, Threshold = threshold };
        var routing = new Dictionary<string, string>
        {
            ["router"] = CascadeSpec.LearnedRouter,
            ["rare_share"] = cascade.RareShare.ToString("R", CultureInfo.InvariantCulture),
            ["threshold"] = threshold.ToString("R", CultureInfo.InvariantCulture),
        };
        ComposedMember[] members =
        [
            new(CascadeSpec.RouterMember, router),
            new(CascadeSpec.MemberOf(CascadeSpec.RareBranch), specialist),
            new(CascadeSpec.MemberOf(CascadeSpec.TypicalBranch), general),
        ];
        var model = CascadeFraming.Compose(CascadeFraming.Manifest(general, choice, routing, train.RowCount), members, spec);
        return new FramedCandidate(CascadeFraming.FramingName, model, FormattableString.Invariant(
            $"cascade with a learned router: a {choice.Trainer.Name} router recognises the {cascade.RareShare:0.##} of training rows the general model gets most wrong out of fold; a {choice.Trainer.Name} specialist fitted on the {rareRows.Length} rows it routes answers them, the general {choice.Trainer.Name} the typical rest"));
    }

    // Each training row's loss under a model fitted on the other half of the rows (seeded halves).
    private static double[] OutOfFoldLoss(FramingContext context, TrainerChoice choice)
    {
        var train = context.Train;
        var order = Enumerable.Range(0, train.RowCount).ToArray();
        new Random(context.Seed).Shuffle(order);
        var halves = new[] { order[..(order.Length / 2)], order[(order.Length / 2)..] };
        var loss = new double[train.RowCount];
        for (var h = 0; h < 2; h++)
        {
            var fitted = ModelFitter.Fit(context.Config.Name, train.Take(halves[1 - h]), context.Plan, choice, context.Threads, context.Threshold, context.Seed, context.Chain);
            var held = train.Take(halves[h]);
            var rowLoss = Loss(context.Plan, fitted.Predict(held), held);
            for (var i = 0; i < halves[h].Length; i++) loss[halves[h][i]] = rowLoss[i];
        }
        return loss;
    }

    // Log loss of the true class for a classifier, absolute error for a regression.
    private static double[] Loss(FeaturePlan plan, ModelOutput output, DataTable rows)
    {
        const double floor = 1e-12;
        return plan.Task switch
        {
            ModelTask.Binary => [.. plan.Labels(rows).Select((y, r) => -Math.Log(Math.Max(floor, y ? output.Scores[r] : 1 - output.Scores[r])))],
            ModelTask.Multiclass => [.. plan.ClassIndices(rows).Select((c, r) => -Math.Log(Math.Max(floor, output.ClassScores![r][c])))],
            _ => [.. plan.Targets(rows).Select((y, r) => Math.Abs(y - output.Scores[r]))],
        };
    }
}

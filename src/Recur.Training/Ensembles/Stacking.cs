using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Features;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Training.Ensembles;

/// <summary>What a stacked ensemble is fitted from.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Plan">Features, label and task.</param>
/// <param name="Train">The training split (the only rows whose labels it reads).</param>
/// <param name="Choices">The base learners' trainers and settings, in declared order.</param>
/// <param name="Bases">The base learners already fitted on the whole training split, in the same order.</param>
/// <param name="Meta">The meta-learner's trainer and settings.</param>
/// <param name="Folds">Folds of the out-of-fold scores (at least 2).</param>
/// <param name="Threads">Threads a learner may use.</param>
/// <param name="Threshold">The binary decision threshold.</param>
/// <param name="Seed">The seed of the folds and of every fit.</param>
/// <param name="Chain">The feature chain fitted on the training split, shared by every base fit (it reads no labels); null for none.</param>
public sealed record StackingInputs(
    string Name, FeaturePlan Plan, DataTable Train, IReadOnlyList<TrainerChoice> Choices, IReadOnlyList<TrainedModel> Bases,
    TrainerChoice Meta, int Folds, int Threads, double Threshold, int Seed, FeatureChain? Chain);

/// <summary>
/// Fits a stacked ensemble: each base learner is refitted K times on K−1 folds of the training split and scores the
/// fold it left out; the meta-learner learns the label from those out-of-fold scores; the composed model holds the base
/// learners fitted on the whole training split and the meta-learner (<see cref="StackingComposition"/>).
/// </summary>
public static class Stacking
{
    /// <summary>The stacked model (composition "stacking", members base-0…base-(n−1) and meta).</summary>
    public static TrainedModel Fit(StackingInputs s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Choices.Count < 2 || s.Choices.Count != s.Bases.Count) throw new ArgumentException("stacking needs at least 2 base learners, each fitted", nameof(s));
        var metaPlan = StackingComposition.MetaPlan(s.Plan, s.Choices.Count);
        var width = metaPlan.Features.Count;
        var oof = OutOfFold.Scores(s.Train.RowCount, s.Folds, s.Seed, width, (fitRows, heldRows) =>
        {
            var fitTable = s.Train.Take(fitRows);
            var held = s.Train.Take(heldRows);
            var models = s.Choices.Select(c => ModelFitter.Fit(s.Name, fitTable, s.Plan, c, s.Threads, s.Threshold, s.Seed, s.Chain)).ToList();
            var scores = StackingComposition.BaseScores(models, held, s.Plan);
            var columns = scores.Columns.Select(c => ((NumericColumn)c).Values).ToArray();
            return [.. Enumerable.Range(0, held.RowCount).Select(r => columns.Select(c => c[r]).ToArray())];
        });
        var metaColumns = metaPlan.Features
            .Select((f, j) => (DataColumn)new NumericColumn(new ColumnSpec(f.Name, ColumnType.Real, false), [.. oof.Select(row => row[j])]))
            .Append(s.Train[s.Plan.Label])
            .ToList();
        var meta = ModelFitter.Fit(s.Name, new DataTable(metaColumns), metaPlan, s.Meta, s.Threads, s.Threshold, s.Seed);
        var members = s.Bases.Select((b, i) => new ComposedMember(StackingComposition.BaseMember(i), b)).Append(new ComposedMember(StackingComposition.MetaMember, meta)).ToList();
        var names = s.Choices.Select(c => c.Trainer.Name).ToList();
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["bases"] = string.Join(",", names),
            ["meta"] = s.Meta.Trainer.Name,
            ["folds"] = s.Folds.ToString(CultureInfo.InvariantCulture),
        };
        var manifest = new ModelManifest(ModelManifest.CurrentFormat, s.Name, $"stacking({string.Join(",", names)};{s.Meta.Trainer.Name})", s.Plan, s.Threshold,
            parameters, s.Train.RowCount, s.Seed);
        return TrainedModel.Compose(manifest, "stacking", members, CompositionCatalog.ToSpec(new { bases = names, meta = s.Meta.Trainer.Name, folds = s.Folds }));
    }
}

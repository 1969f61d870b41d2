using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Pipeline.Steps;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Framing.Overfit;

/// <summary>
/// framing.overfit in a training run: no hold-out (every row trains, and the same rows are the validation and
/// evaluation rows), one unregularised learner (<see cref="ExactFitTrees"/>) instead of the declared trainers, and the
/// error measured on the full grid.
/// </summary>
public static class OverfitStep
{
    /// <summary>The framing name listed beside the candidate.</summary>
    public const string Name = "overfit";

    /// <summary>Whether recur.yaml turns the mode on.</summary>
    public static bool IsOn(ProjectConfig config) => config.Framing.Overfit.Enabled;

    /// <summary>Every row, as both the training and the validation rows: the grid is the whole input space.</summary>
    public static (List<int> Train, List<int> Validation) AllRows(DataTable data)
    {
        var all = Enumerable.Range(0, data.RowCount).ToList();
        return (all, all);
    }

    /// <summary>The unregularised model fitted on every row, listed as the only candidate with its metrics on the grid.</summary>
    public static (TrainedModel Model, IReadOnlyList<CandidateResult> Candidates) Fit(
        ProjectConfig config, FeaturePlan plan, DataTable grid, FeatureChain? chain, TimeProvider time)
    {
        var trainer = new ExactFitTrees();
        var choice = new TrainerChoice(trainer, TrainerSettings.From(trainer, new Dictionary<string, string>(), "framing.overfit"), "framing.overfit");
        var started = time.GetTimestamp();
        var model = ModelFitter.Fit(config.Name, grid, plan, choice, LightGbmTrainer.Threads(config.Training), config.Evaluation.Threshold, config.Seed, chain);
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        var metrics = TaskScoring.Evaluate(plan, model.Predict(grid), grid, config.Evaluation.Threshold, config.Seed);
        return (model, [new CandidateResult(trainer.Name, model.Manifest.Parameters, metrics, seconds, Chosen: true)
        {
            Framing = Name,
            Description = $"{trainer.Name} on all {grid.RowCount} grid rows: no hold-out, no regularisation (metrics are on the grid itself)",
        }]);
    }

    /// <summary>The error on the full grid; null when the mode is off.</summary>
    public static GridError? Measure(ProjectConfig config, FeaturePlan plan, ModelOutput output, DataTable grid)
    {
        if (!IsOn(config) || grid.RowCount == 0) return null;
        var targets = plan.Targets(grid);
        var tolerance = config.Framing.Overfit.Tolerance ?? 1e-6 * targets.Max(Math.Abs);
        var errors = targets.Select((t, r) => Math.Abs(output.Scores[r] - t)).ToArray();
        var worst = Array.IndexOf(errors, errors.Max());
        var inputs = plan.Features.Select(f => f.Name).ToList();
        var at = string.Join(", ", inputs.Select(i => $"{i}={grid[i].Format(worst)}"));
        var exact = errors.Count(e => e <= tolerance);
        return new GridError(grid.RowCount, inputs, errors[worst], errors.Average(), tolerance, exact, (double)exact / grid.RowCount,
            string.Create(CultureInfo.InvariantCulture, $"{at}: {output.Scores[worst]:G9} for {targets[worst]:G9}"));
    }
}

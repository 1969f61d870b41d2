using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features.Embeddings;
using Recur.Pipeline.Config;
using Recur.Pipeline.Steps;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Curves;

/// <summary>The learning curve <c>recur train</c> measures for its report when <c>evaluation.learning_curve.enabled</c> is true.</summary>
public static class LearningCurveSection
{
    private const string Key = "evaluation.learning_curve.fractions";

    /// <summary>
    /// Before any fitting: every declared fraction of the training split can be fitted by every declared trainer (the
    /// error names the key's line in recur.yaml). Nothing to check when the section is off.
    /// </summary>
    public static void CheckIfEnabled(string projectRoot, ProjectConfig config, FeaturePlan plan, DataTable train)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        if (!IsOn(config, plan)) return;
        ConfigLocation.Checked(projectRoot, () =>
        {
            foreach (var choice in CandidateSelection.CheckTask(config, plan.Task)) LearningCurveStep.Check(plan, train, config.Evaluation.LearningCurve.Fractions, choice, config.Seed, Key);
            return 0;
        });
    }

    /// <summary>The chosen candidate's trainer refitted at each declared fraction; null when the section is off (or the model is multilabel).</summary>
    public static LearningCurveResult? MeasureIfEnabled(string projectRoot, ProjectConfig config, FeaturesConfig features, FeaturePlan plan, DataTable train, DataTable validation,
        TrainerChoice chosen, string metric, TimeProvider time, IEmbeddingSource? embeddings)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        if (!IsOn(config, plan)) return null;
        return ConfigLocation.Checked(projectRoot, () => LearningCurveStep.Measure(config, features, plan, train, validation, chosen, metric, config.Evaluation.LearningCurve.Fractions, time, embeddings, Key));
    }

    private static bool IsOn(ProjectConfig config, FeaturePlan plan) => config.Evaluation.LearningCurve.Enabled && plan.Task != ModelTask.Multilabel;
}

using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Features;
using Recur.Features.Transforms;

namespace Recur.Pipeline.Transfer;

/// <summary>
/// Whether a transfer source fits this project, checked before the split and any fitting: the reused steps' raw input
/// columns must be this project's inputs with the same type (each mismatch named, expected vs found), the source must
/// have something to reuse (a fitted chain; text or embedding steps for <c>reuse: embeddings</c>), and for
/// <c>reuse: score</c> its task must give one number per row that this project's head can read.
/// </summary>
public static class TransferCheck
{
    private const string FromKey = "training.transfer.from";
    private const string ReuseKey = "training.transfer.reuse";

    /// <summary>Throws a <see cref="RecurException"/> naming the <c>training.transfer</c> key when the source does not fit <paramref name="plan"/>.</summary>
    public static void Check(TransferSource source, FeaturePlan plan)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        var name = $"source {source.Version.Model}:{source.Version.Version}";
        var sourcePlan = source.Model.Manifest.Plan;
        IReadOnlyList<string> needed;
        switch (source.Reuse)
        {
            case "score":
                if (sourcePlan.Task is ModelTask.Multiclass or ModelTask.Multilabel)
                {
                    throw RecurException.Invalid($"{ReuseKey}: reuse: score needs one score per row, but the {name} is a {sourcePlan.Task.ToName()} model (use reuse: features or embeddings)", ReuseKey);
                }
                if (plan.Task is ModelTask.Multilabel) throw RecurException.Invalid($"{ReuseKey}: reuse: score is not built for a multilabel model", ReuseKey);
                needed = [.. sourcePlan.Features.Select(f => f.Name)];
                break;
            case "embeddings":
                var chain = ChainOf(source, name);
                var steps = FrozenFeatures.EmbeddingSteps(chain);
                if (steps.Count == 0)
                {
                    var kinds = string.Join(", ", chain.Steps.Select(s => NameOf(s)).Distinct(StringComparer.Ordinal));
                    throw RecurException.Invalid($"{ReuseKey}: reuse: embeddings needs text or embedding steps (tfidf, embed), but the {name}'s chain has none ({kinds}); use reuse: features", ReuseKey);
                }
                needed = [.. steps.SelectMany(s => s.Inputs).Distinct(StringComparer.Ordinal)];
                break;
            default:
                needed = FrozenFeatures.RawInputs(ChainOf(source, name));
                break;
        }
        var problems = new List<string>();
        foreach (var column in needed)
        {
            var expected = sourcePlan.Features.FirstOrDefault(f => f.Name == column);
            var found = plan.Features.FirstOrDefault(f => f.Name == column);
            var want = expected is null ? "a column" : expected.Type.ToName();
            if (column == plan.Label) problems.Add($"'{column}' ({want}) is this project's label, not an input");
            else if (found is null) problems.Add($"'{column}' (expected {want}) is not an input of this project");
            else if (expected is not null && !SameKind(expected.Type, found.Type)) problems.Add($"'{column}' expected {expected.Type.ToName()}, found {found.Type.ToName()}");
        }
        if (problems.Count > 0)
        {
            throw RecurException.Invalid($"{FromKey}: the {name} reads columns this project does not have as it needs them: {string.Join("; ", problems)}", FromKey);
        }
    }

    private static FeatureChain ChainOf(TransferSource source, string name) => source.Model.Chain
        ?? throw RecurException.Invalid($"{ReuseKey}: the {name} has no fitted feature chain to reuse (it reads its inputs as they are); use reuse: score", ReuseKey);

    // Integers and reals are both numbers to every transform; text is text.
    private static bool SameKind(ColumnType a, ColumnType b) => (a == ColumnType.Text) == (b == ColumnType.Text);

    private static string NameOf(FittedTransform step) =>
        TransformCatalog.Standard.Transforms.FirstOrDefault(t => t.FittedType == step.GetType())?.Name ?? step.GetType().Name;
}

using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;

namespace Recur.Pipeline.Framing;

/// <summary>Every framing that can add candidates to a training run, in the order their candidates are listed.</summary>
public static class FramingCatalog
{
    /// <summary>The framings this build knows (one registration line per framing).</summary>
    public static readonly IReadOnlyList<IFraming> Standard =
    [
        new Cascade.CascadeFraming(),
        new Reframe.BucketFraming(),
        new Reframe.ThresholdFraming(),
        new Rebalance.RebalanceFraming(),
        new Ensembles.BaggingFraming(),
        new Ensembles.StackingFraming(),
        new Search.SearchFraming(),
    ];

    /// <summary>The framings recur.yaml declares.</summary>
    public static IReadOnlyList<IFraming> Declared(ProjectConfig config) => [.. Standard.Where(f => f.IsDeclared(config))];

    /// <summary>Checks every declared framing against the data (before the split and any fitting).</summary>
    public static void Check(ProjectConfig config, FeaturePlan plan, DataTable data)
    {
        if (config.Framing.Prefer.Length > 0 && !Declared(config).Any(f => f.Name == config.Framing.Prefer))
        {
            throw Core.RecurException.Invalid(
                $"framing.prefer: '{config.Framing.Prefer}' is not a declared framing (declared: {(Declared(config).Count == 0 ? "none" : string.Join(", ", Declared(config).Select(f => f.Name)))})",
                "framing.prefer");
        }
        foreach (var framing in Declared(config)) framing.Check(config, plan, data);
    }
}

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
    ];

    /// <summary>The framings recur.yaml declares.</summary>
    public static IReadOnlyList<IFraming> Declared(ProjectConfig config) => [.. Standard.Where(f => f.IsDeclared(config))];

    /// <summary>Checks every declared framing against the data (before the split and any fitting).</summary>
    public static void Check(ProjectConfig config, FeaturePlan plan, DataTable data)
    {
        foreach (var framing in Declared(config)) framing.Check(config, plan, data);
    }
}

using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Framing;

namespace Recur.Tests.Pipeline.Framing;

/// <summary>framing.prefer names a declared framing; any other name is refused before training.</summary>
public sealed class FramingPreferTests
{
    private static (ProjectConfig Config, FeaturePlan Plan, DataTable Data) Setup(string prefer, params string[] methods)
    {
        var data = new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), [.. Enumerable.Range(0, 40).Select(i => (double)i)]),
            new TextColumn(new ColumnSpec("y", ColumnType.Text), [.. Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? "a" : "b")]),
        ]);
        var config = new ProjectConfig { Label = "y", Task = "binary", Positive = "a" };
        config.Framing.Prefer = prefer;
        config.Framing.Ensemble.Methods = [.. methods];
        config.Training.Candidates = [new CandidateConfig { Trainer = "lightgbm" }, new CandidateConfig { Trainer = "lbfgs" }];
        return (config, FeaturePlan.From(config, data), data);
    }

    [Fact]
    public void Check_PreferNamesAnUndeclaredFraming_RefusedNamingTheKeyAndTheDeclaredOnes()
    {
        var (config, plan, data) = Setup("cascade", "stacking");

        var error = Assert.Throws<RecurException>(() => FramingCatalog.Check(config, plan, data));

        Assert.Contains("framing.prefer: 'cascade' is not a declared framing (declared: stacking)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsPreferred_PreferNamesTheFraming_OnlyThatFramingIsPreferred()
    {
        var (config, _, _) = Setup("stacking", "stacking", "bagging");

        var preferred = FramingCatalog.Declared(config).Where(f => f.IsPreferred(config)).Select(f => f.Name);

        Assert.Equal(["stacking"], preferred);
    }
}

using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Steps;

public sealed class FeatureGroupsTests
{
    private static readonly Dictionary<string, List<string>> Groups = new() { ["time"] = ["hr"], ["weather"] = ["temp"] };

    private static (FeaturePlan Plan, DataTable Rows) Data()
    {
        var rows = new DataTable(
        [
            new NumericColumn(new ColumnSpec("hr", ColumnType.Real), [1, 2, 3, 4]),
            new NumericColumn(new ColumnSpec("temp", ColumnType.Real), [0.1, 0.2, 0.3, 0.4]),
            new NumericColumn(new ColumnSpec("hum", ColumnType.Real), [0.5, 0.5, 0.6, 0.7]),
        ]);
        var plan = new FeaturePlan([.. rows.Columns.Select(c => new FeatureSpec(c.Name, ColumnType.Real, true))], "cnt", "", "") { Task = ModelTask.Regression };
        return (plan, rows);
    }

    [Fact]
    public void Of_NoChain_GroupsRawInputsAndUngroupedTheRest()
    {
        var (plan, _) = Data();

        var groups = FeatureGroups.Of(Groups, plan.Features, null);

        Assert.Equal([("hr", "time"), ("temp", "weather"), ("hum", FeatureGroups.Ungrouped)], groups);
    }

    [Fact]
    public void Of_CrossOfTwoGroups_BelongsToAGroupNamedAfterBoth()
    {
        var (plan, rows) = Data();
        var config = new FeaturesConfig
        {
            Transforms =
            [
                new TransformConfig { Transform = "standardize", Columns = ["temp"] },
                new TransformConfig { Transform = "cross", Columns = ["hr", "temp"], Output = "hr_temp" },
            ],
        };
        var chain = FeatureEngineering.Fit(config, plan, rows).Chain;

        var groups = FeatureGroups.Of(Groups, plan.Features, chain).ToDictionary(g => g.Feature, g => g.Group);

        Assert.Equal("weather", groups["temp"]);
        Assert.Equal("time+weather", groups["hr_temp"]);
        Assert.Equal(FeatureGroups.Ungrouped, groups["hum"]);
    }
}

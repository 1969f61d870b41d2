using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Steps;

public sealed class AblationTests
{
    private static FeaturesConfig Features() => new()
    {
        Exclude = ["id"],
        Transforms =
        [
            new TransformConfig { Transform = "standardize", Columns = ["temp", "hum"] },
            new TransformConfig { Transform = "cross", Columns = ["hr", "weekday"], Output = "hr_by_day" },
            new TransformConfig { Transform = "log", Columns = ["windspeed"] },
            new TransformConfig { Transform = "cross", Columns = ["temp", "hum"] },
        ],
        Groups = new() { ["time"] = ["hr", "weekday"], ["weather"] = ["temp", "hum", "windspeed"] },
    };

    private static FeaturePlan Plan(params string[] inputs) => new([.. inputs.Select(n => new FeatureSpec(n, ColumnType.Real, true))], "cnt", "", "");

    [Fact]
    public void Without_PerColumnTransform_LosesOnlyThatColumn()
    {
        var without = Ablation.Without(Features(), ["hum"]);

        var standardize = Assert.Single(without.Transforms, t => t.Transform == "standardize");
        Assert.Equal(["temp"], standardize.Columns);
    }

    [Fact]
    public void Without_CrossReadingTheColumn_IsDroppedEntirely()
    {
        var without = Ablation.Without(Features(), ["weekday"]);

        Assert.DoesNotContain(without.Transforms, t => t.Output == "hr_by_day");
        Assert.Equal(3, without.Transforms.Count);
    }

    [Fact]
    public void Without_TransformLeftWithNoColumns_IsDropped()
    {
        var without = Ablation.Without(Features(), ["windspeed"]);

        Assert.DoesNotContain(without.Transforms, t => t.Transform == "log");
        Assert.Contains(without.Transforms, t => t.Transform == "standardize" && t.Columns.Count == 2);
    }

    [Fact]
    public void Without_AnyColumns_LeavesTheOriginalUntouchedAndExcludesThem()
    {
        var features = Features();

        var without = Ablation.Without(features, ["temp", "hum", "windspeed"]);

        Assert.Equal(["id", "hum", "temp", "windspeed"], without.Exclude);
        Assert.Equal(["hr_by_day"], without.Transforms.Select(t => t.Output));
        Assert.Equal(4, features.Transforms.Count);
        Assert.Equal(["temp", "hum"], features.Transforms[0].Columns);
        Assert.Equal(["id"], features.Exclude);
    }

    [Fact]
    public void WithoutPlan_Columns_RemovesThemFromTheInputs()
    {
        var plan = Ablation.Without(Plan("hr", "weekday", "temp"), ["weekday"]);

        Assert.Equal(["hr", "temp"], plan.Features.Select(f => f.Name));
    }

    [Fact]
    public void CheckGroups_ColumnNotAnInput_NamesTheGroupKey()
    {
        var error = Assert.Throws<RecurException>(() => Ablation.CheckGroups(Features(), Plan("hr", "weekday", "temp", "hum")));

        Assert.Contains("features.groups.weather", error.Message);
        Assert.Contains("windspeed", error.Message);
    }

    [Fact]
    public void ColumnsOf_UnknownGroup_NamesTheOption()
    {
        var error = Assert.Throws<RecurException>(() => Ablation.ColumnsOf(Features(), ["calendar"], "--drop"));

        Assert.Contains("--drop calendar", error.Message);
    }

    [Fact]
    public void ColumnsOf_KnownGroups_ReturnsTheirColumns()
    {
        Assert.Equal(["hr", "weekday", "temp", "hum", "windspeed"], Ablation.ColumnsOf(Features(), ["time", "weather"], "--drop"));
    }

    [Fact]
    public void GroupsToAblate_NoGroups_NamesFeaturesGroups()
    {
        var error = Assert.Throws<RecurException>(() => Ablation.GroupsToAblate(new FeaturesConfig(), []));

        Assert.Contains("features.groups", error.Message);
    }

    [Fact]
    public void GroupsToAblate_SomeDropped_LeavesThemOut()
    {
        Assert.Equal(["weather"], Ablation.GroupsToAblate(Features(), ["time"]).Select(g => g.Key));
    }
}

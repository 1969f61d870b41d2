using Recur.Core.Modeling;
using Recur.Core.Profiles;
using Recur.Serving.Safeguards;
using static Recur.Tests.Serving.Safeguards.SafeguardFixtures;

namespace Recur.Tests.Serving.Safeguards;

public sealed class HeuristicBaselineTests
{
    [Fact]
    public void From_Binary_AnswersTheMajorityClassWithThePositiveRate()
    {
        Assert.Equal(new HeuristicBaseline("no", 0.25, null), HeuristicBaseline.From(Plan, Profile));
    }

    [Fact]
    public void From_Multiclass_AnswersTheClassFrequencies()
    {
        var plan = Plan with { Task = ModelTask.Multiclass, Classes = ["a", "b", "c"] };
        var profile = new TableProfile(10, [new ColumnProfile("label", "text", 10, 0, 0, 3, null, null, null, [new ValueCount("b", 5), new ValueCount("a", 3), new ValueCount("c", 2)])]);

        var baseline = HeuristicBaseline.From(plan, profile)!;

        Assert.Equal(("b", 0.5), (baseline.Label, baseline.Score));
        Assert.Equal([0.3, 0.5, 0.2], baseline.ClassScores!);
    }

    [Fact]
    public void From_Regression_AnswersTheMean()
    {
        var plan = Plan with { Task = ModelTask.Regression };
        var profile = new TableProfile(10, [Numeric("label", 10, 30, 0)]);

        Assert.Equal(20, HeuristicBaseline.From(plan, profile)!.Score);
    }

    [Fact]
    public void From_NoLabelColumn_IsNull()
    {
        Assert.Null(HeuristicBaseline.From(Plan, new TableProfile(1, [])));
    }
}

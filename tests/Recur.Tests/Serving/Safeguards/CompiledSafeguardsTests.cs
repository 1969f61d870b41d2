using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Serving.Safeguards;
using static Recur.Tests.Serving.Safeguards.SafeguardFixtures;

namespace Recur.Tests.Serving.Safeguards;

public sealed class CompiledSafeguardsTests
{
    private static SafeguardsConfig Inputs(string kind, string action)
    {
        var guard = new InputGuardConfig { Action = action };
        var config = new SafeguardsConfig();
        if (kind == "range") config.Inputs.Range = guard;
        if (kind == "domain") config.Inputs.Domain = guard;
        if (kind == "missing") config.Inputs.Missing = guard;
        return config;
    }

    [Fact]
    public void Apply_RangeClamp_ScoresTheClampedValueAndListsTheRule()
    {
        var answer = Apply(Inputs("range", "clamp"), BatchOf(Row(150), Row(40)));

        Assert.Equal(0.9, answer.Output.Scores[0], 10);
        Assert.Equal(["range:age:clamp"], answer.Rules[0]!);
        Assert.Null(answer.Rules[1]);
        Assert.Equal(0.4, answer.Output.Scores[1], 10);
    }

    [Fact]
    public void Apply_RangeWithMargin_LetsValuesInsideTheMarginThrough()
    {
        var config = Inputs("range", "clamp");
        config.Inputs.Range!.Margin = 0.5;   // 18..90 widens by 36 each side: 126 is inside

        var answer = Apply(config, BatchOf(Row(126), Row(200)));

        Assert.Null(answer.Rules[0]);
        Assert.Equal(1.26, answer.Output.Scores[0], 10);
        Assert.Equal(1.26, answer.Output.Scores[1], 10);
    }

    [Fact]
    public void Apply_RangeReject_FailsNamingTheFieldTheValueAndTheRule()
    {
        var e = Assert.Throws<RecurException>(() => Apply(Inputs("range", "reject"), BatchOf(Row(40), Row(7))));

        Assert.Equal("instances[1].features.age", e.Field);
        Assert.Contains("7 is outside the training range 18..90", e.Message);
        Assert.Contains("range:age:reject", e.Message);
        Assert.Contains("key 'k1'", e.Message);
    }

    [Fact]
    public void Apply_UnseenCategoryFlag_AnswersTheModelAndListsTheRule()
    {
        var answer = Apply(Inputs("domain", "flag"), BatchOf(Row(70, "\"c\"")));

        Assert.Equal(("yes", 0.7), (answer.Output.Labels[0], answer.Output.Scores[0]));
        Assert.Equal(["domain:job:flag"], answer.Rules[0]!);
    }

    [Fact]
    public void Apply_ColumnAction_ReplacesTheDefaultForThatColumn()
    {
        var config = Inputs("domain", "flag");
        config.Inputs.Columns["job"] = new() { ["domain"] = "reject" };

        var e = Assert.Throws<RecurException>(() => Apply(config, BatchOf(Row(70, "\"z\""))));

        Assert.Equal("instances[0].features.job", e.Field);
        Assert.Contains("'z' was never seen in training", e.Message);
    }

    [Fact]
    public void Apply_MissingFallback_AnswersTheTrainingPriorOnlyWhereTrainingHadNoMissing()
    {
        var answer = Apply(Inputs("missing", "fallback"), BatchOf(Row(70, "null"), Row(70, hours: "null")));

        Assert.Equal(("no", 0.25), (answer.Output.Labels[0], answer.Output.Scores[0]));
        Assert.Equal(["missing:job:fallback"], answer.Rules[0]!);
        Assert.Null(answer.Rules[1]);   // hours was missing in 20 % of training rows
        Assert.Equal(0.7, answer.Output.Scores[1], 10);
    }

    [Fact]
    public void Apply_ColumnOff_TurnsTheDefaultOffForThatColumn()
    {
        var config = Inputs("range", "reject");
        config.Inputs.Columns["age"] = new() { ["range"] = "off" };

        var answer = Apply(config, BatchOf(Row(150)));

        Assert.Null(answer.Rules[0]);
    }

    [Fact]
    public void Apply_Override_ForcesTheAnswerAfterEveryOtherRule()
    {
        var config = Inputs("range", "flag");
        config.Overrides.Add(new OverrideConfig { Name = "no-minors", When = "age < 18", Label = "no" });
        config.Abstain = new AbstainConfig { Band = [0.0, 0.2], Label = "review" };

        var answer = Apply(config, BatchOf(Row(10), Row(19)));

        Assert.Equal("no", answer.Output.Labels[0]);
        Assert.Equal(["range:age:flag", "abstain", "override:no-minors"], answer.Rules[0]!);
        Assert.Equal("review", answer.Output.Labels[1]);
    }

    [Fact]
    public void Apply_OverrideReadsTheValueAsSent_NotTheClampedOne()
    {
        var config = Inputs("range", "clamp");
        config.Overrides.Add(new OverrideConfig { Name = "no-minors", When = "age < 18", Label = "no" });

        var answer = Apply(config, BatchOf(Row(12)));

        Assert.Equal(["range:age:clamp", "override:no-minors"], answer.Rules[0]!);
    }

    [Fact]
    public void Apply_ScoreInAbstainBand_AnswersTheNeutralLabel()
    {
        var config = new SafeguardsConfig { Abstain = new AbstainConfig { Band = [0.4, 0.6], Label = "review" } };

        var answer = Apply(config, BatchOf(Row(50), Row(61), Row(40)));

        Assert.Equal(["review", "yes", "review"], answer.Output.Labels);
        Assert.Equal(0.5, answer.Output.Scores[0], 10);
        Assert.Null(answer.Rules[1]);
    }

    [Fact]
    public void Apply_OutputClamp_ClampsTheScoreBeforeTheThreshold()
    {
        var config = new SafeguardsConfig { Outputs = { Clamp = new OutputClampConfig { Max = 0.45 } } };

        var answer = Apply(config, BatchOf(Row(80)));

        Assert.Equal(("no", 0.45), (answer.Output.Labels[0], answer.Output.Scores[0]));
        Assert.Equal(["clamp:output"], answer.Rules[0]!);
    }

    [Fact]
    public void Apply_ModelThrows_FallbackOnError_AnswersTheBaselineMarked()
    {
        var config = new SafeguardsConfig { Fallback = { OnError = true } };

        var answer = Apply(config, BatchOf(Row(80), Row(20)), _ => throw new InvalidOperationException("model file gone"));

        Assert.All(answer.Output.Labels, l => Assert.Equal("no", l));
        Assert.All(answer.Output.Scores, s => Assert.Equal(0.25, s));
        Assert.All(answer.Rules, r => Assert.Equal(["fallback:error"], r!));
        Assert.IsType<InvalidOperationException>(answer.ModelError);
    }

    [Fact]
    public void Apply_ModelThrows_WithoutFallback_Throws()
    {
        var config = new SafeguardsConfig { Abstain = new AbstainConfig { Band = [0.4, 0.6] } };

        Assert.Throws<InvalidOperationException>(() => Apply(config, BatchOf(Row(80)), _ => throw new InvalidOperationException("boom")));
    }

    [Fact]
    public void Apply_SlowerThanTheLatencyBudget_DiscardsTheModelsAnswer()
    {
        var config = new SafeguardsConfig { Fallback = { LatencyBudgetMs = 50 } };

        var slow = Apply(config, BatchOf(Row(80)), time: new SteppingClock(TimeSpan.FromMilliseconds(60)));
        var fast = Apply(config, BatchOf(Row(80)), time: new SteppingClock(TimeSpan.FromMilliseconds(10)));

        Assert.Equal(("no", 0.25), (slow.Output.Labels[0], slow.Output.Scores[0]));
        Assert.Equal(["fallback:latency"], slow.Rules[0]!);
        Assert.Equal(("yes", 0.8), (fast.Output.Labels[0], fast.Output.Scores[0]));
        Assert.Null(fast.Rules[0]);
    }

    [Fact]
    public void Apply_Regression_ClampsTheValueAndOverridesWithANumber()
    {
        var plan = SafeguardFixtures.Plan with { Task = ModelTask.Regression, Positive = "", Negative = "" };
        var config = new SafeguardsConfig { Outputs = { Clamp = new OutputClampConfig { Min = 0, Max = 100 } } };
        config.Overrides.Add(new OverrideConfig { Name = "teen", When = "age < 18", Label = "0" });
        var compiled = CompiledSafeguards.Compile(config, plan, Profile);

        var answer = compiled.Apply(BatchOf(Row(40), Row(8)), plan, f => ModelOutput.Regression(((NumericColumn)f["age"]).Values.Select(a => a * 10).ToArray()), 0.5, TimeProvider.System);

        Assert.Equal((100.0, "100"), (answer.Output.Scores[0], answer.Output.Labels[0]));
        Assert.Equal(["clamp:output"], answer.Rules[0]!);
        Assert.Equal(0.0, answer.Output.Scores[1]);
        Assert.Equal(["override:teen"], answer.Rules[1]!);
    }

    [Fact]
    public void Compile_GuardOnAColumnTheModelLacks_NamesTheKey()
    {
        var config = new SafeguardsConfig();
        config.Inputs.Columns["agee"] = new() { ["range"] = "reject" };

        var e = Assert.Throws<RecurException>(() => CompiledSafeguards.Compile(config, Plan, Profile));

        Assert.Equal("safeguards.inputs.columns.agee", e.Field);
        Assert.Contains("unknown column 'agee' (the model takes: age, hours, job)", e.Message);
    }

    [Fact]
    public void Compile_OverrideAnsweringNoClass_NamesTheKey()
    {
        var config = new SafeguardsConfig();
        config.Overrides.Add(new OverrideConfig { Name = "x", When = "age < 18", Label = "maybe" });

        var e = Assert.Throws<RecurException>(() => CompiledSafeguards.Compile(config, Plan, Profile));

        Assert.Equal("safeguards.overrides[0].label", e.Field);
        Assert.Contains("one of the model's classes: no, yes", e.Message);
    }

    [Fact]
    public void Compile_OverrideOnAnUnknownInput_NamesTheExpressionKey()
    {
        var config = new SafeguardsConfig();
        config.Overrides.Add(new OverrideConfig { Name = "x", When = "salary > 5", Label = "no" });

        var e = Assert.Throws<RecurException>(() => CompiledSafeguards.Compile(config, Plan, Profile));

        Assert.Equal("safeguards.overrides[0].when", e.Field);
        Assert.Contains("unknown column 'salary'", e.Message);
    }

    [Fact]
    public void Compile_FallbackWithoutALabelInTheProfile_Fails()
    {
        var config = new SafeguardsConfig { Fallback = { OnError = true } };

        var e = Assert.Throws<RecurException>(() => CompiledSafeguards.Compile(config, Plan, null));

        Assert.Equal("safeguards.fallback", e.Field);
    }

    [Fact]
    public void Describe_RangeGuard_ShowsTheLearnedRange()
    {
        var config = Inputs("range", "clamp");
        config.Overrides.Add(new OverrideConfig { Name = "no-minors", When = "age < 18", Label = "no" });

        var rules = CompiledSafeguards.Compile(config, Plan, Profile).Describe();

        Assert.Equal(new RuleView("range:age:clamp", "range", "age", "clamp", "18..90"), rules[0]);
        Assert.Equal(new RuleView("range:hours:clamp", "range", "hours", "clamp", "1..99"), rules[1]);
        Assert.Equal("age < 18 → no", rules[^1].Learned);
    }
}

using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class SafeguardsValidationTests
{
    private const string Head = "name: m\nlabel: y\ndatasets:\n  train:\n    source: d.csv\n    columns: [age, job, y]\n";

    private static RecurException Fails(string safeguards)
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", Head + "safeguards:\n" + safeguards);
        return Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));
    }

    [Fact]
    public void Load_FullSection_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", Head + """
            safeguards:
              inputs:
                range: { action: clamp, margin: 0.1 }
                domain: { action: flag }
                missing: { action: fallback, max_rate: 0.01 }
                columns: { age: { range: reject } }
              outputs:
                clamp: { min: 0, max: 1 }
              overrides:
                - name: no-minors
                  when: "age < 18"
                  label: "no"
              abstain: { band: [0.4, 0.6], label: review }
              fallback: { on_error: true, latency_budget_ms: 50 }

            """);

        var s = ProjectConfigLoader.Load(path).Config.Safeguards;

        Assert.Equal(("clamp", 0.1), (s.Inputs.Range!.Action, s.Inputs.Range.Margin));
        Assert.Equal("reject", s.Inputs.Columns["age"]["range"]);
        Assert.Equal([0.4, 0.6], s.Abstain!.Band);
        Assert.Equal(("no-minors", "age < 18"), (s.Overrides[0].Name, s.Overrides[0].When));
        Assert.Equal(50, s.Fallback.LatencyBudgetMs);
        Assert.True(s.Any);
    }

    [Fact]
    public void Load_GuardOnUnknownColumn_FailsNamingTheKeyAndLine()
    {
        var e = Fails("  inputs:\n    columns:\n      agee: { range: reject }\n");

        Assert.Equal("safeguards.inputs.columns.agee", e.Field);
        Assert.Contains("line 10", e.Message);
        Assert.Contains("unknown column 'agee'", e.Message);
    }

    [Fact]
    public void Load_GuardOnTheLabel_Fails()
    {
        Assert.Contains("'y' is the label", Fails("  inputs:\n    columns:\n      y: { range: flag }\n").Message);
    }

    [Fact]
    public void Load_UnknownAction_FailsListingTheActions()
    {
        var e = Fails("  inputs:\n    range: { action: drop }\n");

        Assert.Equal("safeguards.inputs.range.action", e.Field);
        Assert.Contains("unknown action 'drop' (one of: reject, clamp, fallback, flag)", e.Message);
    }

    [Fact]
    public void Load_UnknownGuardKind_FailsNamingIt()
    {
        var e = Fails("  inputs:\n    columns:\n      age: { rnage: flag }\n");

        Assert.Equal("safeguards.inputs.columns.age.rnage", e.Field);
        Assert.Contains("unknown guard 'rnage' (one of: range, domain, missing)", e.Message);
    }

    [Fact]
    public void Load_DomainClamp_Fails()
    {
        Assert.Contains("a domain guard cannot clamp", Fails("  inputs:\n    domain: { action: clamp }\n").Message);
    }

    [Fact]
    public void Load_ClampMinAboveMax_FailsNamingTheKey()
    {
        var e = Fails("  outputs:\n    clamp: { min: 10, max: 1 }\n");

        Assert.Equal("safeguards.outputs.clamp.min", e.Field);
        Assert.Contains("min 10 is greater than max 1", e.Message);
    }

    [Fact]
    public void Load_BadOverrideExpression_FailsNamingTheKeyAndTheColumnInTheExpression()
    {
        var e = Fails("  overrides:\n    - name: r\n      when: \"age <\"\n      label: no\n");

        Assert.Equal("safeguards.overrides[0].when", e.Field);
        Assert.Contains("at column 6", e.Message);
    }

    [Fact]
    public void Load_OverrideOnUnknownColumn_Fails()
    {
        var e = Fails("  overrides:\n    - name: r\n      when: \"salary > 5\"\n      label: no\n");

        Assert.Equal("safeguards.overrides[0].when", e.Field);
        Assert.Contains("unknown column 'salary'", e.Message);
    }

    [Fact]
    public void Load_AbstainBandUpsideDown_Fails()
    {
        Assert.Equal("safeguards.abstain.band", Fails("  abstain: { band: [0.7, 0.3] }\n").Field);
    }

    [Fact]
    public void Load_ZeroLatencyBudget_Fails()
    {
        Assert.Equal("safeguards.fallback.latency_budget_ms", Fails("  fallback: { latency_budget_ms: 0 }\n").Field);
    }
}

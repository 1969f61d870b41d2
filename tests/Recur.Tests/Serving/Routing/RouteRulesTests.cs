using Recur.Core;
using Recur.Core.Project;
using Recur.Pipeline.Config;
using Recur.Serving;
using Recur.Serving.Routing;

namespace Recur.Tests.Serving.Routing;

public sealed class RouteRulesTests
{
    private static RouteTargetConfig Alias(string alias, double? weight = null) => new() { Alias = alias, Weight = weight };

    private static RouteTargetConfig Version(int version, double? weight = null) => new() { Version = version, Weight = weight };

    private static string Refused(params RouteConfig[] routes) =>
        Assert.Throws<RecurException>(() => RouteRules.Compile(routes, "m")).Message;

    [Fact]
    public void Compile_OneTargetWithoutWeight_TakesAllTheTraffic()
    {
        var route = Assert.Single(RouteRules.Compile([new RouteConfig { Targets = [Alias("champion")] }], "m"));

        Assert.Equal(("default", "m", 100.0), (route.Name, route.Model, route.Targets[0].Weight));
        Assert.Equal(ModelSelector.From("m", null, "champion"), route.Targets[0].Selector);
        Assert.True(route.Sticky);
    }

    [Fact]
    public void Compile_CanaryShadowAndTwoPhase_AreCompiled()
    {
        var route = RouteRules.Compile([new RouteConfig
        {
            Name = "web", Model = "other", Targets = [Alias("champion", 90), Alias("challenger", 10)],
            Shadow = Version(7), TwoPhase = new TwoPhaseConfig { Fast = Alias("fast"), Confidence = 0.95 },
        }], "m")[0];

        Assert.Equal([90.0, 10.0], route.Targets.Select(t => t.Weight));
        Assert.Equal(ModelSelector.From("other", 7, null), route.Shadow);
        Assert.Equal(new TwoPhase(ModelSelector.From("other", null, "fast"), 0.95), route.TwoPhase);
        Assert.Equal(4, route.Selectors.Count());
    }

    [Fact]
    public void Compile_WeightsNotAddingUpTo100_NamesTheTargetsAndTheSum()
    {
        var message = Refused(new RouteConfig { Targets = [Alias("champion", 60), Alias("challenger", 30)] });

        Assert.Contains("serving.routes[0].targets", message);
        Assert.Contains("add up to 90", message);
    }

    [Fact]
    public void Compile_SeveralTargetsWithoutWeights_NamesTheWeight() =>
        Assert.Contains("serving.routes[0].targets[0].weight: required", Refused(new RouteConfig { Targets = [Alias("a"), Alias("b")] }));

    [Fact]
    public void Compile_ShadowOfATarget_IsRefused() =>
        Assert.Contains("serving.routes[0].shadow", Refused(new RouteConfig { Targets = [Version(3)], Shadow = Version(3) }));

    [Fact]
    public void Compile_TwoPhaseConfidenceOutsideZeroToOne_NamesTheKey() =>
        Assert.Contains("serving.routes[0].two_phase.confidence: 1.5 must be in [0, 1]",
            Refused(new RouteConfig { Targets = [Version(1)], TwoPhase = new TwoPhaseConfig { Fast = Version(2), Confidence = 1.5 } }));

    [Fact]
    public void Compile_TargetWithBothVersionAndAlias_IsRefused() =>
        Assert.Contains("serving.routes[0].targets[0]: give exactly one of 'version' and 'alias'",
            Refused(new RouteConfig { Targets = [new RouteTargetConfig { Version = 1, Alias = "champion" }] }));

    [Fact]
    public void Compile_TwoRoutesWithOneName_IsRefused() =>
        Assert.Contains("serving.routes[1].name: model 'm' already has a route 'default'",
            Refused(new RouteConfig { Targets = [Version(1)] }, new RouteConfig { Targets = [Version(2)] }));

    [Fact]
    public void Load_BadRouteInRecurYaml_NamesTheLineOfTheKey()
    {
        using var dir = new TempDir();
        var path = dir.Path("recur.yaml");
        File.WriteAllText(path, "name: m\nlabel: y\nserving:\n  routes:\n  - targets:\n    - {alias: champion, weight: 70}\n    - {alias: challenger, weight: 20}\n");

        var error = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.StartsWith("recur.yaml: line 6, column 5: serving.routes[0].targets: the weights add up to 90", error.Message);
    }
}

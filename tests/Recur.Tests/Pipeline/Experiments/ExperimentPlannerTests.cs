using Recur.Core;
using Recur.Core.Project;
using Recur.Pipeline;
using Recur.Pipeline.Experiments;

namespace Recur.Tests.Pipeline.Experiments;

/// <summary>The variation list: the control first, then each declared (or ad hoc) variation with its configuration merged and validated.</summary>
public sealed class ExperimentPlannerTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Yaml = """
        name: m
        label: y
        datasets:
          train:
            source: data.csv
        features:
          groups:
            g: [x]
        training:
          trainer: lightgbm
          leaves: 31
        experiments:
          e:
            question: does it help?
            variations:
              - name: bigger
                overlay: more.yaml
              - name: linear
                trainer: sdca
              - name: without-g
                drop: [g]
                trainer: lbfgs

        """;

    private RecurProject Open(string yaml = Yaml, string overlay = "training:\n  leaves: 63\n")
    {
        _dir.Write("p/data.csv", "x,y\n1,yes\n2,no\n");
        _dir.Write("p/more.yaml", overlay);
        _dir.Write("p/recur.yaml", yaml);
        return RecurProject.Open(_dir.Path("p"));
    }

    [Fact]
    public void Plan_DeclaredExperiment_IsTheControlThenEachVariation()
    {
        var project = Open();

        var plan = ExperimentPlanner.Plan(project, "e", null);

        Assert.Equal("does it help?", plan.Question);
        Assert.Equal(["control", "bigger", "linear", "without-g"], plan.Arms.Select(a => a.Name));
        Assert.Same(project.Config, plan.Arms[0].Config);
        Assert.Equal(63, plan.Arms[1].Config.Training.Leaves);
        Assert.Equal("sdca", Assert.Single(plan.Arms[2].Config.Training.Candidates).Trainer);
        Assert.Equal(["g"], plan.Arms[3].Drop);
        Assert.Equal("lbfgs", Assert.Single(plan.Arms[3].Config.Training.Candidates).Trainer);
        Assert.Equal("without g; trainer lbfgs", plan.Arms[3].What);
        Assert.NotEqual(plan.Arms[0].ConfigHash, plan.Arms[1].ConfigHash);
    }

    [Fact]
    public void Plan_OverlayFailingValidation_NamesTheOverlayFileAndLine()
    {
        var project = Open(overlay: "training:\n  leaves: 63\nevaluation:\n  threshold: 2\n");

        var e = Assert.Throws<RecurException>(() => ExperimentPlanner.Plan(project, "e", null));

        Assert.StartsWith("more.yaml: line 4, column 14:", e.Message);
        Assert.Contains("evaluation.threshold", e.Message);
    }

    [Fact]
    public void Plan_UnknownExperimentWithoutVariation_IsNotFoundNamingTheDeclared()
    {
        var e = Assert.Throws<RecurException>(() => ExperimentPlanner.Plan(Open(), "nope", null));

        Assert.Equal(FailureKind.NotFound, e.Kind);
        Assert.Contains("declared: e", e.Message);
    }

    [Fact]
    public void Plan_AdHocVariation_IsTheControlAndIt()
    {
        var plan = ExperimentPlanner.Plan(Open(), "quick", new VariationConfig { Name = "v", Drop = ["g"] });

        Assert.Equal(["control", "v"], plan.Arms.Select(a => a.Name));
        Assert.Equal(["g"], plan.Arms[1].Drop);
    }

    [Fact]
    public void Plan_AdHocUnknownGroup_NamesTheOption()
    {
        var e = Assert.Throws<RecurException>(() => ExperimentPlanner.Plan(Open(), "quick", new VariationConfig { Name = "v", Drop = ["h"] }));

        Assert.StartsWith("--drop: no feature group 'h'", e.Message);
    }

    [Fact]
    public void Plan_AdHocVariationForADeclaredExperiment_IsRefused()
    {
        var e = Assert.Throws<RecurException>(() => ExperimentPlanner.Plan(Open(), "e", new VariationConfig { Trainer = "sdca" }));

        Assert.Contains("is declared in recur.yaml", e.Message);
    }

    [Theory]
    [InlineData("      - name: v\n", "a variation changes something", 16)]
    [InlineData("      - name: v\n        overlay: none.yaml\n", "no file 'none.yaml'", 17)]
    [InlineData("      - name: v\n        drop: [h]\n", "no feature group 'h'", 17)]
    [InlineData("      - name: v\n        trainer: xgboost\n", "'xgboost' is not a trainer", 17)]
    [InlineData("      - name: control\n        trainer: sdca\n", "'control' is the project as declared", 16)]
    public void Load_BadVariation_NamesTheKeyAndLine(string variation, string expected, int line)
    {
        var yaml = Yaml[..(Yaml.IndexOf("    variations:", StringComparison.Ordinal) + "    variations:\n".Length)] + variation;

        var e = Assert.Throws<RecurException>(() => Open(yaml));

        Assert.Contains(expected, e.Message);
        Assert.StartsWith($"recur.yaml: line {line},", e.Message);
    }

    [Fact]
    public void ThreadsPerArm_ParallelAboveTheCores_IsRefusedNamingTheOption()
    {
        var e = Assert.Throws<RecurException>(() => ExperimentRunner.ThreadsPerArm(3, 2));

        Assert.Equal("--parallel", e.Field);
        Assert.Equal(1, ExperimentRunner.ThreadsPerArm(2, 2));
        Assert.Equal(4, ExperimentRunner.ThreadsPerArm(2, 8));
    }
}

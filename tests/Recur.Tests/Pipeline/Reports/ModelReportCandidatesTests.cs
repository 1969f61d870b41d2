using Recur.Core.Modeling;
using Recur.Pipeline;
using Recur.Pipeline.Framing.Cascade;
using Recur.Pipeline.Reports;
using Recur.Pipeline.Steps;
using Recur.Registry.Gates;

namespace Recur.Tests.Pipeline.Reports;

/// <summary>The training page lists every candidate and framing, the baselines and why the chosen one won, and a cascade's branches.</summary>
public sealed class ModelReportCandidatesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, double> Rmse(double value, double low, double high) => new() { ["rmse"] = value, ["rmse_low"] = low, ["rmse_high"] = high };

    private static TrainingOutcome Outcome(CascadeReport? cascade)
    {
        var empty = new Dictionary<string, string>();
        var candidates = new List<CandidateResult>
        {
            new("sdca", empty, Rmse(135, 131.5, 138.5), 1.25, false) { Description = "sdca fitted as declared" },
            new("cascade(sdca)", empty, Rmse(107.5, 104.8, 110.5), 2.5, true) { Framing = "cascade", Description = "cascade on segment 'workingday': 2 branches" },
        };
        return new TrainingOutcome(["abc"], 100, 20, 30, Rmse(190, 180, 200), Rmse(113, 110, 117), candidates[1].Validation, null, null,
            new GateDecision(true, "passed", []), null)
        {
            Task = ModelTask.Regression, Metric = "rmse", Candidates = candidates, Cascade = cascade,
            Baselines = [new BaselineResult("median", "the training median for every row", Rmse(190, 180, 200), "below")],
        };
    }

    [Fact]
    public void WriteTraining_Candidates_TableOfEveryCandidateTheBaselinesAndWhy()
    {
        _dir.Write("p/recur.yaml", "name: m\nlabel: y\n");
        var project = RecurProject.Open(_dir.Path("p"));
        var outcome = Outcome(null);

        var html = File.ReadAllText(ModelReport.WriteTraining(project, outcome));

        Assert.Contains("<h2>Candidates and framings</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>cascade</td><td>cascade(sdca)</td><td>cascade on segment &#39;workingday&#39;: 2 branches</td><td>107.5</td><td>[104.8, 110.5]</td><td>2.5</td><td>yes</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>plain</td><td>sdca</td>", html, StringComparison.Ordinal);
        Assert.Contains("Chosen: cascade (cascade(sdca)) has the lowest validation rmse of 2 candidates", html, StringComparison.Ordinal);
        Assert.Contains("<td>median</td><td>the training median for every row</td><td>190</td><td>[180, 200]</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cascade: routing and branches", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTraining_Cascade_RoutingShareAndBranchMetricsBesideTheSingleModel()
    {
        _dir.Write("p/recur.yaml", "name: m\nlabel: y\n");
        var project = RecurProject.Open(_dir.Path("p"));
        var cascade = new CascadeReport("cascade on segment 'workingday'", true, "sdca", 30, "rmse", Rmse(113, 110, 117), Rmse(139, 135, 144),
            [new CascadeBranch("offday", 10, 1 / 3.0, 0.19, 0.52, Rmse(111, 106, 116), Rmse(155, 150, 161)),
             new CascadeBranch("workday", 20, 2 / 3.0, 0.48, 0.81, Rmse(114, 110, 119), Rmse(131, 126, 136))]);

        var html = File.ReadAllText(ModelReport.WriteTraining(project, Outcome(cascade)));

        Assert.Contains("<h2>Cascade: routing and branches</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>offday</td><td>10</td><td>0.3333</td><td>[0.19, 0.52]</td><td>111</td><td>[106, 116]</td><td>155</td><td>[150, 161]</td>", html, StringComparison.Ordinal);
        Assert.Contains("the single model&#39;s (sdca, the best plain candidate on validation) 139 [135, 144]", html, StringComparison.Ordinal);
    }
}

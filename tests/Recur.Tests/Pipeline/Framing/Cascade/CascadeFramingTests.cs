using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Pipeline.Framing;
using Recur.Pipeline.Framing.Cascade;
using Recur.Pipeline.Steps;
using Recur.Training;
using Recur.Training.Composition;

namespace Recur.Tests.Pipeline.Framing.Cascade;

/// <summary>framing.cascade on adult-small: checked against the data before any fitting, fitted as one composed candidate.</summary>
public sealed class CascadeFramingTests
{
    private static DataTable Adult(string file) => DelimitedParser.ParseFile(TestData.Path("adult-small", file), TestData.AdultSmall, file).Table;

    private static ProjectConfig Config(CascadeConfig cascade) => new()
    {
        Name = "adult", Label = "income", Positive = ">50K", Key = "id", Features = new FeaturesConfig { Exclude = ["fnlwgt"] },
        Training = new TrainingConfig { Threads = 1, Candidates = [new CandidateConfig { Trainer = "lbfgs" }] },
        Framing = new FramingConfig { Cascade = cascade },
    };

    private static CascadeConfig BySex(string? fallback = null) => new()
    {
        Segment = "sex", Branches = new() { ["Male"] = "men", ["Female"] = "women" }, Default = fallback, MinRows = 50,
    };

    private static RecurException CheckFails(CascadeConfig cascade, DataTable? data = null)
    {
        var config = Config(cascade);
        data ??= Adult("train.csv");
        var plan = FeaturePlan.From(config, data);
        return Assert.Throws<RecurException>(() => FramingCatalog.Check(config, plan, data));
    }

    [Fact]
    public void Check_UnknownSegmentColumn_NamesTheKeyAndColumn()
    {
        var e = CheckFails(new CascadeConfig { Segment = "gender", Branches = new() { ["M"] = "m", ["F"] = "f" } });

        Assert.Equal("framing.cascade.segment", e.Field);
        Assert.Contains("column 'gender' is not in the data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SegmentIsTheLabel_Refused()
    {
        var e = CheckFails(new CascadeConfig { Segment = "income", Branches = new() { [">50K"] = "rich", ["<=50K"] = "rest" } });

        Assert.Equal("framing.cascade.segment", e.Field);
        Assert.Contains("is the label", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ValueWithoutBranchAndNoDefault_NamesTheValueAndKey()
    {
        var e = CheckFails(new CascadeConfig { Segment = "race", Branches = new() { ["White"] = "white", ["Black"] = "black" }, MinRows = 10 });

        Assert.Equal("framing.cascade.branches", e.Field);
        Assert.Contains("value 'Asian-Pac-Islander' of segment 'race'", e.Message, StringComparison.Ordinal);
        Assert.Contains("no framing.cascade.default", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BranchWithTooFewRows_NamesItsKey()
    {
        var e = CheckFails(new CascadeConfig { Segment = "race", Branches = new() { ["White"] = "white", ["Other"] = "other" }, Default = "rest", MinRows = 100 });

        Assert.Equal("framing.cascade.branches.Other", e.Field);
        Assert.Contains("branch 'other' has", e.Message, StringComparison.Ordinal);
        Assert.Contains("fewer than framing.cascade.min_rows (100)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BranchWithOneClass_NamesItsKey()
    {
        var data = Adult("train.csv");
        var rich = Enumerable.Range(0, data.RowCount).Where(r => data["income"].Format(r) == ">50K").ToList();
        // Every woman earning >50K is dropped: the women's branch has one class.
        var kept = Enumerable.Range(0, data.RowCount).Where(r => !(data["sex"].Format(r) == "Female" && rich.Contains(r))).ToArray();

        var e = CheckFails(BySex(), data.Take(kept));

        Assert.Equal("framing.cascade.branches.Female", e.Field);
        Assert.Contains("branch 'women' has one class (<=50K)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TrainerNotDeclared_NamesTheKey()
    {
        var cascade = BySex();
        cascade.Trainer = "lightgbm";

        var e = CheckFails(cascade);

        Assert.Equal("framing.cascade.trainer", e.Field);
        Assert.Contains("declared: lbfgs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SegmentCascade_AddsOneComposedCandidateThatNamesTheBranchPerRow()
    {
        var config = Config(BySex());
        var train = Adult("train.csv");
        var validation = Adult("test.csv");
        var plan = FeaturePlan.From(config, train);

        var (_, candidates) = CandidateSelection.Run(config, plan, train, validation, "auc", TimeProvider.System);

        Assert.Equal(["plain", "cascade"], candidates.Select(c => c.Framing));
        var cascade = candidates[1];
        Assert.Equal("cascade(lbfgs)", cascade.Trainer);
        Assert.Equal("sex", cascade.Parameters["cascade_segment"]);
        Assert.Equal("Female=women,Male=men", cascade.Parameters["cascade_branches"]);
        Assert.Contains("2 branches", cascade.Description, StringComparison.Ordinal);
        var model = cascade.Model!;
        Assert.Equal("cascade", model.CompositionName);
        Assert.Equal(["branch:men", "branch:women"], model.Members.Select(m => m.Name));
        var output = model.Predict(validation);
        for (var r = 0; r < validation.RowCount; r++)
        {
            Assert.Equal(validation["sex"].Format(r) == "Male" ? "men" : "women", output.Details![r]!.Branch);
        }
        // Each row is answered by its branch's model alone.
        var women = Enumerable.Range(0, validation.RowCount).Where(r => validation["sex"].Format(r) == "Female").ToArray();
        var alone = model.Members[1].Model.Score(validation.Take(women));
        Assert.Equal(alone, women.Select(r => output.Scores[r]));
    }

    [Fact]
    public void Measure_SegmentCascade_SharesSumToOneWithWilsonIntervalsAndBranchMetricsBesideTheSingleModel()
    {
        var config = Config(BySex());
        var train = Adult("train.csv");
        var validation = Adult("test.csv");
        var plan = FeaturePlan.From(config, train);
        var (_, candidates) = CandidateSelection.Run(config, plan, train, validation, "auc", TimeProvider.System);

        var report = CascadeReport.Measure(plan, candidates, validation, "auc", 0.5, 7)!;

        Assert.Equal("lbfgs", report.SingleModel);
        Assert.Equal(validation.RowCount, report.Rows);
        Assert.Equal(["men", "women"], report.Branches.Select(b => b.Branch));
        Assert.Equal(validation.RowCount, report.Branches.Sum(b => b.Rows));
        Assert.Equal(1.0, report.Branches.Sum(b => b.Share), 12);
        Assert.All(report.Branches, b =>
        {
            Assert.InRange(b.Share, b.ShareLow, b.ShareHigh);
            Assert.True(b.Cascade.ContainsKey("auc_low") && b.Single.ContainsKey("auc_high"));
            Assert.Equal(b.Rows, (int)b.Cascade["count"]);
        });
        Assert.Equal(candidates[1].Chosen, report.Chosen);
    }

    [Fact]
    public void Run_LearnedRouter_RoutesAboutTheRareShareAndComposesRouterAndTwoBranches()
    {
        var config = Config(new CascadeConfig { Router = CascadeConfig.LearnedRouter, RareShare = 0.25, MinRows = 50 });
        var train = Adult("train.csv");
        var validation = Adult("test.csv");
        var plan = FeaturePlan.From(config, train);
        FramingCatalog.Check(config, plan, train);

        var (_, candidates) = CandidateSelection.Run(config, plan, train, validation, "auc", TimeProvider.System);

        var model = candidates.Single(c => c.Framing == "cascade").Model!;
        Assert.Equal(["router", "branch:rare", "branch:typical"], model.Members.Select(m => m.Name));
        var branches = model.Predict(train).Details!.Select(d => d!.Branch).ToList();
        Assert.InRange(branches.Count(b => b == "rare") / (double)train.RowCount, 0.2, 0.3);
        Assert.Equal("learned", model.Manifest.Parameters["cascade_router"]);
    }

    [Fact]
    public void Check_LearnedRouterWithTooFewRareRows_NamesRareShare()
    {
        var e = CheckFails(new CascadeConfig { Router = CascadeConfig.LearnedRouter, RareShare = 0.01, MinRows = 50 });

        Assert.Equal("framing.cascade.rare_share", e.Field);
        Assert.Contains("fewer than framing.cascade.min_rows (50)", e.Message, StringComparison.Ordinal);
    }
}

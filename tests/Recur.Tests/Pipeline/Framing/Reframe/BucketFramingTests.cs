using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Framing;
using Recur.Pipeline.Framing.Reframe;
using Recur.Pipeline.Steps;
using Recur.Training;

namespace Recur.Tests.Pipeline.Framing.Reframe;

public sealed class BucketFramingTests
{
    [Fact]
    public void Run_BucketsDeclared_AddsAComposedRegressionWithDistributionAndInterval()
    {
        var config = ReframeData.Regression(new ReframeConfig { Buckets = 8, Level = 0.8 });
        var train = ReframeData.Table(800, 1);
        var validation = ReframeData.Table(300, 2);
        var plan = FeaturePlan.From(config, train);

        var (_, candidates) = CandidateSelection.Run(config, plan, train, validation, "rmse", TimeProvider.System);

        Assert.Equal(["plain", "buckets"], candidates.Select(c => c.Framing));
        var bucket = candidates[1].Model!;
        Assert.Equal(("buckets", "buckets(lightgbm)", ModelTask.Regression), (bucket.CompositionName, bucket.Manifest.Trainer, bucket.Manifest.Plan.Task));
        var output = bucket.Predict(validation);
        Assert.All(output.Details!, (d, r) =>
        {
            Assert.Equal(8, d!.Distribution!.Count);
            Assert.Equal(1, d.Distribution.Values.Sum(), 9);
            Assert.True(d.Low <= d.High);
            Assert.Equal(0.8, d.Level);
        });
        // The reframed model still learns the value: far better than the mean.
        Assert.True(candidates[1].Validation["r2"] > 0.8, $"r2 {candidates[1].Validation["r2"]}");
    }

    [Fact]
    public void Save_BucketModel_LoadsWithTheSameBytesAndAnswers()
    {
        var config = ReframeData.Regression(new ReframeConfig { Edges = [20, 40, 60, 80] });
        var train = ReframeData.Table(600, 3);
        var plan = FeaturePlan.From(config, train);
        var (_, candidates) = CandidateSelection.Run(config, plan, train, ReframeData.Table(200, 4), "rmse", TimeProvider.System);
        var model = candidates.Single(c => c.Framing == "buckets").Model!;

        var loaded = TrainedModel.Load(model.ToBytes(), "bucket model");

        Assert.Equal(model.ToBytes(), loaded.ToBytes());
        var rows = ReframeData.Table(20, 5);
        Assert.Equal(model.Predict(rows).Scores, loaded.Predict(rows).Scores);
        Assert.Equal(["< 20", "[20, 40)", "[40, 60)", "[60, 80)", ">= 80"], loaded.Predict(rows).Details![0]!.Distribution!.Keys);
    }

    [Fact]
    public void Check_ClassificationLabel_NamesTheBucketsKey()
    {
        var config = ReframeData.Binary(new ReframeConfig { Buckets = 5 });
        var data = ReframeData.Table(100, 1);

        var e = Assert.Throws<RecurException>(() => FramingCatalog.Check(config, FeaturePlan.From(config, data), data));

        Assert.Equal("framing.reframe.buckets", e.Field);
        Assert.Contains("buckets reframe a regression, but label 'high' is binary (text)", e.Message);
    }

    [Fact]
    public void Check_CompareOnAClassification_AddsNoBuckets()
    {
        var config = ReframeData.Binary(new ReframeConfig { Compare = true });
        var data = ReframeData.Table(100, 1);

        FramingCatalog.Check(config, FeaturePlan.From(config, data), data);
    }

    [Fact]
    public void Check_EdgesOutsideTheValues_RefusedWithTheRange()
    {
        var config = ReframeData.Regression(new ReframeConfig { Edges = [1000, 2000] });
        var data = ReframeData.Table(100, 1);

        var e = Assert.Throws<RecurException>(() => FramingCatalog.Check(config, FeaturePlan.From(config, data), data));

        Assert.Equal("framing.reframe.edges", e.Field);
        Assert.Contains("every label value falls in one bucket", e.Message);
    }

    [Fact]
    public void For_QuantileEdgesOfTiedValues_MergesTiesIntoFewerBuckets()
    {
        double[] targets = [1, 1, 1, 1, 1, 1, 2, 2, 3, 4];

        var edges = BucketEdges.For(new ReframeConfig { Buckets = 5 }, targets);

        Assert.Equal([2.0, 3], edges);
    }

    [Fact]
    public void For_ConstantLabel_RefusedNamingBuckets()
    {
        var e = Assert.Throws<RecurException>(() => BucketEdges.For(new ReframeConfig { Buckets = 4 }, [3, 3, 3, 3]));

        Assert.Equal("framing.reframe.buckets", e.Field);
    }

    [Fact]
    public void Run_Prefer_SendsTheBucketCandidateToTheGateAndSaysWhy()
    {
        var config = ReframeData.Regression(new ReframeConfig { Buckets = 4, Prefer = true });
        var train = ReframeData.Table(600, 1);
        var plan = FeaturePlan.From(config, train);

        var (best, candidates) = CandidateSelection.Run(config, plan, train, ReframeData.Table(200, 2), "rmse", TimeProvider.System);

        Assert.Equal("buckets", best.CompositionName);
        var chosen = Assert.Single(candidates, c => c.Chosen);
        Assert.True(chosen.Preferred);
        // Four buckets are coarse: the plain regression is better by the metric, and the reason says so.
        Assert.Contains("preferred by recur.yaml over the metric alone", CandidateSelection.Why(candidates, "rmse"));
        Assert.Contains("best by the metric alone lightgbm", CandidateSelection.Why(candidates, "rmse"));
    }
}

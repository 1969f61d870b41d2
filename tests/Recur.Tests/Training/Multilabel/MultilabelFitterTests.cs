using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Multilabel;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Multilabel;

/// <summary>One binary model per label composed into one multilabel model: learns, thresholds per label, saves with stable bytes.</summary>
public sealed class MultilabelFitterTests
{
    // Rows of two numbers; label a when x > 0, b when y > 0, c when both (so c follows a and b: what a chain can use).
    private static DataTable Rows(int n, int seed)
    {
        var random = new Random(seed);
        var (x, y) = (new double[n], new double[n]);
        var tags = new string?[n];
        for (var r = 0; r < n; r++)
        {
            (x[r], y[r]) = (random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1);
            var set = new List<string>();
            if (x[r] > 0) set.Add("a");
            if (y[r] > 0) set.Add("b");
            if (x[r] > 0 && y[r] > 0) set.Add("c");
            tags[r] = set.Count == 0 ? null : string.Join(';', set);
        }
        return new DataTable([new NumericColumn(new ColumnSpec("x", ColumnType.Real), x), new NumericColumn(new ColumnSpec("y", ColumnType.Real), y), new TextColumn(new ColumnSpec("tags", ColumnType.Text), tags)]);
    }

    private static ProjectConfig Config(string strategy = MultilabelConfig.BinaryRelevance) => new()
    {
        Label = "tags",
        Task = "multilabel",
        Framing = new FramingConfig { Multilabel = new MultilabelConfig { Column = "tags", Strategy = strategy } },
    };

    private static TrainedModel Fit(FeaturePlan plan, DataTable train, DataTable validation, MultilabelConfig declared)
    {
        var trainer = new LightGbmTrees();
        var choice = new TrainerChoice(trainer, TrainerSettings.From(trainer, new Dictionary<string, string>(), "training"), "training");
        return MultilabelFitter.Fit("m", train, validation, plan, choice, 1, 0.5, 7, null, declared);
    }

    [Theory]
    [InlineData(MultilabelConfig.BinaryRelevance)]
    [InlineData(MultilabelConfig.Chain)]
    public void Fit_SeparableLabels_PredictsTheSetsAndRoundTripsWithSameBytes(string strategy)
    {
        var config = Config(strategy);
        var (train, validation, test) = (Rows(600, 1), Rows(200, 2), Rows(200, 3));
        var plan = FeaturePlan.From(config, train);
        Assert.Equal(["a", "b", "c"], plan.Classes);

        var model = Fit(plan, train, validation, config.Framing.Multilabel);
        var output = model.Predict(test);

        Assert.Equal(ModelTask.Multilabel, output.Task);
        Assert.Equal(MultilabelComposition.CompositionName, model.CompositionName);
        Assert.Equal(3, model.Members.Count);
        var truth = plan.LabelSets(test);
        var predicted = MultilabelOutput.Predicted(output, plan);
        var right = Enumerable.Range(0, test.RowCount).Count(r => truth[r].SequenceEqual(predicted[r]));
        Assert.True(right > 180, $"{right} of 200 sets right");
        Assert.Equal(3, output.ClassScores![0].Length);
        Assert.Equal(output.Details![0]!.Labels!.Count == 0 ? FeaturePlan.EmptySet : string.Join(';', output.Details[0]!.Labels!), output.Labels[0]);

        var bytes = model.ToBytes();
        var path = WriteTemp(bytes);
        var loaded = TrainedModel.Load(path);
        File.Delete(path);
        Assert.Equal(output.Labels, loaded.Predict(test).Labels);
        Assert.Equal(bytes, loaded.ToBytes());
    }

    [Fact]
    public void Fit_Chain_LaterMembersReadTheEarlierLabels()
    {
        var config = Config(MultilabelConfig.Chain);
        config.Framing.Multilabel.Order = ["a", "b", "c"];
        var train = Rows(400, 4);
        var plan = FeaturePlan.From(config, train);

        var model = Fit(plan, train, Rows(100, 5), config.Framing.Multilabel);

        Assert.Equal(["x", "y"], model.Members[0].Model.Manifest.Plan.Features.Select(f => f.Name));
        Assert.Equal(["x", "y", "chain:a", "chain:b"], model.Members[2].Model.Manifest.Plan.Features.Select(f => f.Name));
        Assert.Equal("a,b,c", model.Manifest.Parameters["multilabel_order"]);
    }

    [Fact]
    public void Order_ChainWithoutDeclaredOrder_IsASeededShuffle()
    {
        var config = Config(MultilabelConfig.Chain);
        var plan = FeaturePlan.From(config, Rows(100, 6));

        Assert.Equal(MultilabelFitter.Order(plan, config.Framing.Multilabel, 3), MultilabelFitter.Order(plan, config.Framing.Multilabel, 3));
        Assert.Equal(["a", "b", "c"], MultilabelFitter.Order(plan, config.Framing.Multilabel, 3).Order());
    }

    [Fact]
    public void Fit_LabelAbsentFromTheTrainingSplit_NamesTheLabel()
    {
        var config = Config();
        var all = Rows(300, 7);
        var plan = FeaturePlan.From(config, all);
        // Training rows where x <= 0: no row has a (nor c).
        var train = all.Take([.. Enumerable.Range(0, 300).Where(r => ((NumericColumn)all["x"]).Values[r] <= 0)]);

        var error = Assert.Throws<RecurException>(() => Fit(plan, train, all, config.Framing.Multilabel));

        Assert.Contains("label 'a' is in none of the", error.Message);
    }

    [Fact]
    public void BestF1Threshold_SweepsTheScores()
    {
        double[] scores = [0.9, 0.8, 0.6, 0.4, 0.2];
        bool[] actual = [true, true, false, true, false];

        // At 0.4: 3 true positives, 1 false positive: F1 = 6/7, the best.
        Assert.Equal(0.4, MultilabelFitter.BestF1Threshold(scores, actual, 0.5));
        Assert.Equal(0.5, MultilabelFitter.BestF1Threshold(scores, new bool[5], 0.5));
    }

    private static string WriteTemp(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"recur-multilabel-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Transfer;

namespace Recur.Tests.Pipeline.Transfer;

public sealed class TransferCheckTests
{
    private static FeaturePlan PlanOf(DataTable rows, ProjectConfig? config = null) => FeaturePlan.From(config ?? TransferData.Config(), rows);

    [Fact]
    public void Check_SameColumns_Passes()
    {
        var rows = TransferData.Rows(10);

        TransferCheck.Check(TransferData.Source("features"), PlanOf(rows));
    }

    [Fact]
    public void Check_MissingColumn_NamesTheColumnAndTheFromKey()
    {
        var rows = TransferData.Rows(10, text: "sentence");

        var e = Assert.Throws<RecurException>(() => TransferCheck.Check(TransferData.Source("features"), PlanOf(rows, TransferData.Config("sentence"))));

        Assert.Equal("training.transfer.from", e.Field);
        Assert.Contains("'review' (expected text) is not an input of this project", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ColumnOfAnotherType_NamesExpectedAndFound()
    {
        var rows = new DataTable([
            new NumericColumn(new ColumnSpec("review", ColumnType.Real), [.. Enumerable.Range(0, 10).Select(i => (double)i)]),
            TransferData.Rows(10)["stars"], TransferData.Rows(10)["label"],
        ]);
        var config = new ProjectConfig { Label = "label", Task = "binary", Positive = "positive" };

        var e = Assert.Throws<RecurException>(() => TransferCheck.Check(TransferData.Source("features"), PlanOf(rows, config)));

        Assert.Equal("training.transfer.from", e.Field);
        Assert.Contains("'review' expected text, found real", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SourceReadsThisProjectsLabel_Refused()
    {
        var rows = TransferData.Rows(10);
        var config = new ProjectConfig { Label = "review", Task = "multiclass" };
        var plan = FeaturePlan.From(config, new DataTable([rows["review"], rows["stars"], rows["label"]]));

        var e = Assert.Throws<RecurException>(() => TransferCheck.Check(TransferData.Source("features"), plan));

        Assert.Contains("'review' (text) is this project's label", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EmbeddingsWithoutTextSteps_NamesTheReuseKey()
    {
        var rows = TransferData.Rows(40);
        var config = TransferData.Config();
        config.Features.Transforms.RemoveAt(0);
        config.Features.Exclude = ["review"];
        var source = TransferData.Source("embeddings", rows, config);

        var e = Assert.Throws<RecurException>(() => TransferCheck.Check(source, PlanOf(rows)));

        Assert.Equal("training.transfer.reuse", e.Field);
        Assert.Contains("needs text or embedding steps (tfidf, embed)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ScoreFromAMulticlassSource_NamesTheReuseKey()
    {
        var rows = TransferData.Rows(40);
        var labels = new TextColumn(new ColumnSpec("label", ColumnType.Text), [.. Enumerable.Range(0, 40).Select(i => (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var multiclass = new DataTable([rows["review"], rows["stars"], labels]);
        var config = TransferData.Config();
        config.Task = "multiclass";
        config.Positive = "";
        var source = TransferData.Source("score", multiclass, config);

        var e = Assert.Throws<RecurException>(() => TransferCheck.Check(source, PlanOf(rows)));

        Assert.Equal("training.transfer.reuse", e.Field);
        Assert.Contains("is a multiclass model", e.Message, StringComparison.Ordinal);
    }
}

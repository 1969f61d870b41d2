using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;

namespace Recur.Tests.Core.Modeling;

/// <summary>The multilabel plan: label sets read from lists or JSON arrays, written in one canonical text, and refused when they are not lists.</summary>
public sealed class FeaturePlanMultilabelTests
{
    private static DataTable Table(params string?[] tags) => new(
    [
        new NumericColumn(new ColumnSpec("x", ColumnType.Real), [.. tags.Select((_, i) => (double)i)]),
        new TextColumn(new ColumnSpec("tags", ColumnType.Text), tags),
    ]);

    private static ProjectConfig Config(string column = "tags") => new()
    {
        Label = column,
        Task = "multilabel",
        Framing = new FramingConfig { Multilabel = new MultilabelConfig { Column = column } },
    };

    [Theory]
    [InlineData("bug;docs", new[] { "bug", "docs" })]
    [InlineData(" bug ; ;docs;bug", new[] { "bug", "docs" })]
    [InlineData("[\"docs\", \"bug\"]", new[] { "docs", "bug" })]
    [InlineData("[]", new string[0])]
    [InlineData(null, new string[0])]
    public void ParseSet_ListsAndArrays_GiveTheLabels(string? value, string[] expected) =>
        Assert.Equal(expected, FeaturePlan.ParseSet(value, ";"));

    [Fact]
    public void From_ListColumn_LabelsAreTheSortedUnionAndSetsReadBack()
    {
        var plan = FeaturePlan.From(Config(), Table("docs;bug", "bug", null, "perf"));

        Assert.Equal(ModelTask.Multilabel, plan.Task);
        Assert.Equal(["bug", "docs", "perf"], plan.Classes);
        Assert.Equal(["x"], plan.Features.Select(f => f.Name));
        Assert.Equal([true, true, false], plan.LabelSets(Table("docs;bug"))[0]);
        Assert.Equal("bug;docs", plan.FormatSet(["docs", "bug"]));
        Assert.Equal(FeaturePlan.EmptySet, plan.FormatSet([]));
    }

    [Fact]
    public void From_NoSeparatorAnywhere_IsNotAList()
    {
        var error = Assert.Throws<RecurException>(() => FeaturePlan.From(Config(), Table("bug", "docs", "bug")));
        Assert.Contains("no value of 'tags' holds the separator ';'", error.Message);
        Assert.Equal("framing.multilabel.separator", error.Field);
    }

    [Fact]
    public void From_NumberColumn_IsNotAList()
    {
        var error = Assert.Throws<RecurException>(() => FeaturePlan.From(Config("x"), Table("a;b", "b")));
        Assert.Contains("'x' holds real values", error.Message);
    }

    [Fact]
    public void From_LabelInEveryRow_NamesIt()
    {
        var error = Assert.Throws<RecurException>(() => FeaturePlan.From(Config(), Table("a;b", "a", "a;c")));
        Assert.Contains("label 'a' is in every one of the 3 rows", error.Message);
    }

    [Fact]
    public void LabelSets_UnknownLabel_NamesTheRow()
    {
        var plan = FeaturePlan.From(Config(), Table("a;b", "b", "c"));
        var error = Assert.Throws<RecurException>(() => plan.LabelSets(Table("a", "a;zzz")));
        Assert.Contains("row 2", error.Message);
        Assert.Contains("'zzz'", error.Message);
    }
}

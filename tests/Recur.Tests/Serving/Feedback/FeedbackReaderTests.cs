using System.Text.Json;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Serving.Feedback;

namespace Recur.Tests.Serving.Feedback;

public sealed class FeedbackReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<Recur.Core.Monitoring.FeedbackRecord> Read(string json, params string[] classes) =>
        FeedbackReader.Read(JsonDocument.Parse(json).RootElement, new FeaturePlan([], "y", classes[1], classes[0]), new ServingConfig(), Now);

    [Fact]
    public void Read_RegressionLabel_MustBeANumber()
    {
        var plan = new FeaturePlan([], "y", "", "") { Task = ModelTask.Regression };

        var records = FeedbackReader.Read(JsonDocument.Parse("""{"feedback":[{"key":"k1","label":12.5},{"key":"k2","label":"3"}]}""").RootElement, plan, new ServingConfig(), Now);
        var e = Assert.Throws<RecurException>(() => FeedbackReader.Read(JsonDocument.Parse("""{"feedback":[{"key":"k1","label":"lots"}]}""").RootElement, plan, new ServingConfig(), Now));

        Assert.Equal(["12.5", "3"], records.Select(r => r.Label));
        Assert.Equal("feedback[0].label", e.Field);
    }

    [Fact]
    public void Read_LabelNotAClass_IsRefusedNamingTheKey()
    {
        var e = Assert.Throws<RecurException>(() => Read("""{"feedback":[{"key":"k1","label":">50K"},{"key":"k2","label":"banana"}]}""", "<=50K", ">50K"));

        Assert.Equal("feedback[1].label", e.Field);
        Assert.Contains("k2", e.Message);
        Assert.Contains("banana", e.Message);
    }

    [Fact]
    public void Read_NumberWhoseTextIsAClass_IsAccepted()
    {
        var records = Read("""{"feedback":[{"key":"k1","label":1},{"key":"k2","label":"0"}]}""", "0", "1");

        Assert.Equal(["1", "0"], records.Select(r => r.Label));
    }

    [Theory]
    [InlineData("""{"feedback":[{"key":"k1","label":2}]}""", "feedback[0].label")]
    [InlineData("""{"feedback":[{"key":"k1","label":1.0}]}""", "feedback[0].label")]
    [InlineData("""{"feedback":[{"key":"\ud800","label":1}]}""", "feedback[0].key")]
    [InlineData("""{"feedback":[{"key":"k","label":"\udfff"}]}""", "feedback[0].label")]
    [InlineData("""{"feedback":[{"key":"k"}]}""", "feedback[0].label")]
    public void Read_BadItem_NamesTheField(string json, string field)
    {
        var e = Assert.Throws<RecurException>(() => Read(json, "0", "1"));

        Assert.Equal(FailureKind.InvalidInput, e.Kind);
        Assert.Equal(field, e.Field);
    }
}

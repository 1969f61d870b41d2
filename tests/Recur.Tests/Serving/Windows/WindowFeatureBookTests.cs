using System.Text.Json;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Core.Serving;
using Recur.Pipeline.Windows;
using Recur.Serving;
using Recur.Serving.Windows;

namespace Recur.Tests.Serving.Windows;

public sealed class WindowFeatureBookTests
{
    private static readonly WindowsConfig Declaration = new()
    {
        Time = "t",
        Features = [new WindowFeatureConfig { Name = "v_mean_2", Column = "v", Agg = "mean", Over = "2 events" }],
    };

    private sealed class Fake(WindowsConfig? windows) : IPredictor
    {
        private static readonly FeaturePlan Plan = new([new FeatureSpec("v", ColumnType.Real, true), new FeatureSpec("v_mean_2", ColumnType.Real, true)], "y", "yes", "no");

        public ModelManifest Manifest { get; } = new ModelManifest(ModelManifest.CurrentFormat, "m", "fake", Plan, 0.5, new Dictionary<string, string>(), 10, 1) { Windows = windows };

        public ModelOutput Predict(DataTable rows) => throw new NotSupportedException();
    }

    private static LoadedModel Loaded(WindowsConfig? windows, int version = 1) =>
        new(new ModelVersion("m", version, "sha", DateTimeOffset.UnixEpoch, new ModelLineage([], "c", "v", 1, "fake", new Dictionary<string, string>()),
            new Dictionary<string, double>(), "", []), new Fake(windows));

    private static JsonElement Body(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static JsonElement Features(JsonElement body, int i) => body.GetProperty("instances")[i].GetProperty("features");

    [Fact]
    public void Complete_WindowedVersion_FillsEachInstanceFromTheEventsBeforeIt()
    {
        var book = new WindowFeatureBook(TrainingWindows.LiveSource);
        var loaded = Loaded(Declaration);

        var first = book.Complete(loaded, Body("""{"instances":[{"key":"a","features":{"t":"2024-01-01 00:00:00","v":1}},{"key":"b","features":{"t":"2024-01-01 00:05:00","v":2.5}}]}"""));
        var second = book.Complete(loaded, Body("""{"instances":[{"key":"c","features":{"t":"2024-01-01 00:10:00","v":4}}]}"""));

        // Nothing before the first event: a missing mean; then the events before each, never the event itself.
        Assert.Equal(JsonValueKind.Null, Features(first, 0).GetProperty("v_mean_2").ValueKind);
        Assert.Equal(1, Features(first, 1).GetProperty("v_mean_2").GetDouble());
        Assert.Equal(1.75, Features(second, 0).GetProperty("v_mean_2").GetDouble());
        // The time feeds the windows, not the model: it is not passed on; the key and the value are.
        Assert.False(Features(second, 0).TryGetProperty("t", out _));
        Assert.Equal(4, Features(second, 0).GetProperty("v").GetDouble());
        Assert.Equal("c", second.GetProperty("instances")[0].GetProperty("key").GetString());
        Assert.Equal(3, book.Find("m", 1)!.Outputs.Count + 2);
    }

    [Fact]
    public void Complete_TwoVersions_KeepSeparateStates()
    {
        var book = new WindowFeatureBook(TrainingWindows.LiveSource);
        book.Complete(Loaded(Declaration, 1), Body("""{"instances":[{"key":"a","features":{"t":"2024-01-01 00:00:00","v":1}}]}"""));

        var other = book.Complete(Loaded(Declaration, 2), Body("""{"instances":[{"key":"b","features":{"t":"2024-01-01 00:05:00","v":2}}]}"""));

        Assert.Equal(JsonValueKind.Null, Features(other, 0).GetProperty("v_mean_2").ValueKind);
    }

    [Fact]
    public void Complete_VersionWithoutWindows_ReturnsTheBodyUnchanged()
    {
        var book = new WindowFeatureBook(_ => throw new InvalidOperationException("no source for a version without windows"));
        var body = Body("""{"instances":[{"key":"a","features":{"v":1,"v_mean_2":3}}]}""");

        Assert.Equal(body.GetRawText(), book.Complete(Loaded(null), body).GetRawText());
    }

    [Fact]
    public void Complete_WindowFeatureSent_IsRefusedNamingTheField()
    {
        var book = new WindowFeatureBook(TrainingWindows.LiveSource);

        var error = Assert.Throws<RecurException>(() => book.Complete(Loaded(Declaration), Body("""{"instances":[{"key":"a","features":{"t":"2024-01-01 00:00:00","v":1,"v_mean_2":9}}]}""")));

        Assert.Equal("instances[0].features.v_mean_2", error.Field);
        Assert.Contains("computed by the server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_UnreadableTime_IsRefusedNamingTheInstanceAndField()
    {
        var book = new WindowFeatureBook(TrainingWindows.LiveSource);

        var error = Assert.Throws<RecurException>(() => book.Complete(Loaded(Declaration), Body("""{"instances":[{"key":"a","features":{"t":"2024-01-01 00:00:00","v":1}},{"key":"b","features":{"t":"yesterday","v":2}}]}""")));

        Assert.Equal(FailureKind.InvalidInput, error.Kind);
        Assert.Equal("instances[1].features.t", error.Field);
        Assert.Contains("'yesterday'", error.Message, StringComparison.Ordinal);
    }
}

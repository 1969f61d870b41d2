using System.Text.Json;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Profiles;
using Recur.Core.Project;
using Recur.Serving.Requests;
using Recur.Serving.Safeguards;

namespace Recur.Tests.Serving.Safeguards;

/// <summary>A small binary contract, its training profile and a model that scores age / 100.</summary>
internal static class SafeguardFixtures
{
    public static readonly FeaturePlan Plan = new(
        [new FeatureSpec("age", ColumnType.Integer, false), new FeatureSpec("hours", ColumnType.Real, true), new FeatureSpec("job", ColumnType.Text, true, ["a", "b"])],
        "label", "yes", "no");

    public static readonly TableProfile Profile = new(100,
    [
        Numeric("age", 18, 90, 0),
        Numeric("hours", 1, 99, 0.2),
        new ColumnProfile("job", "text", 100, 0, 0, 2, null, null, null, [new ValueCount("a", 60), new ValueCount("b", 40)]),
        new ColumnProfile("label", "text", 100, 0, 0, 2, null, null, null, [new ValueCount("no", 75), new ValueCount("yes", 25)]),
    ]);

    public static ColumnProfile Numeric(string name, double min, double max, double missingRate) =>
        new(name, "real", 100, (long)(missingRate * 100), missingRate, 50, new NumericSummary(min, max, (min + max) / 2, 1, min, min, min, (min + max) / 2, max, max, max, 0), null, null, []);

    /// <summary>The model: the score is age / 100, so what it saw can be read back from the answer.</summary>
    public static ModelOutput Score(DataTable features) =>
        ModelOutput.Binary(((NumericColumn)features["age"]).Values.Select(a => a / 100).ToArray(), Plan, 0.5);

    public static PredictBatch BatchOf(params string[] features) =>
        InstanceReader.Read(JsonDocument.Parse("{\"instances\":[" + string.Join(",", features.Select((f, i) => $"{{\"key\":\"k{i}\",\"features\":{{{f}}}}}")) + "]}").RootElement, Plan);

    public static string Row(double age, string job = "\"a\"", string hours = "40") => $"\"age\":{age},\"hours\":{hours},\"job\":{job}";

    public static GuardedOutput Apply(SafeguardsConfig config, PredictBatch batch, Func<DataTable, ModelOutput>? score = null, TimeProvider? time = null) =>
        CompiledSafeguards.Compile(config, Plan, Profile).Apply(batch, Plan, score ?? Score, 0.5, time ?? TimeProvider.System);
}

/// <summary>A clock whose every timestamp is <see cref="Step"/> later than the last.</summary>
internal sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public TimeSpan Step { get; } = step;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, Step.Ticks);
}

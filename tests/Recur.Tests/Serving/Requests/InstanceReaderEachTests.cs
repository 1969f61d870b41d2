using System.Text.Json;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Serving.Requests;

namespace Recur.Tests.Serving.Requests;

/// <summary><see cref="InstanceReader.ReadEach(JsonElement, FeaturePlan, ServingConfig)"/>: bad instances set aside, the rest read.</summary>
public sealed class InstanceReaderEachTests
{
    private static readonly FeaturePlan Plan = new(
        [new FeatureSpec("age", ColumnType.Integer, false), new FeatureSpec("job", ColumnType.Text, true)], "label", "yes", "no");

    private static (PredictBatch Batch, IReadOnlyList<int> Indices, IReadOnlyList<InstanceError> Errors) ReadEach(string json) =>
        InstanceReader.ReadEach(JsonDocument.Parse(json).RootElement, Plan, new ServingConfig());

    [Fact]
    public void ReadEach_OneBadInstance_ReadsTheOthersAndNamesItsField()
    {
        var (batch, indices, errors) = ReadEach("""
            {"instances":[{"key":"a","features":{"age":30,"job":"x"}},{"key":"b","features":{"age":"old","job":"y"}},
                          {"key":"c","features":{"age":41,"job":null}},{"features":{}}]}
            """);

        Assert.Equal(["a", "c"], batch.Keys);
        Assert.Equal([0, 2], indices);
        Assert.Equal([30.0, 41.0], ((NumericColumn)batch.Features["age"]).Values);
        Assert.Equal("x", ((TextColumn)batch.Features["job"]).Values[0]);
        Assert.Null(((TextColumn)batch.Features["job"]).Values[1]);
        Assert.Equal(2, errors.Count);
        Assert.Equal((1, "b", "instances[1].features.age"), (errors[0].Index, errors[0].Key, errors[0].Field));
        Assert.Contains("expected a number", errors[0].Error);
        Assert.Equal((3, (string?)null, "instances[3].key"), (errors[1].Index, errors[1].Key, errors[1].Field));
    }

    [Fact]
    public void ReadEach_BodyWithoutInstances_IsStillRefusedWhole()
    {
        var error = Assert.Throws<RecurException>(() => ReadEach("""{"rows":[]}"""));

        Assert.Equal("instances", error.Field);
    }
}

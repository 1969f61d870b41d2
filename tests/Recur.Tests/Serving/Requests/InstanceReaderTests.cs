using System.Text.Json;
using Recur.Core;
using Recur.Core.Data;
using Recur.Serving.Requests;
using Recur.Training;

namespace Recur.Tests.Serving.Requests;

public sealed class InstanceReaderTests
{
    private static readonly FeaturePlan Plan = new(
        [new FeatureSpec("age", ColumnType.Integer, false), new FeatureSpec("hours", ColumnType.Real, true), new FeatureSpec("job", ColumnType.Text, true, ["a", "b"])],
        "label", "yes", "no");

    private static PredictBatch Read(string json) => InstanceReader.Read(JsonDocument.Parse(json).RootElement, Plan);

    private static RecurException Fails(string json) => Assert.Throws<RecurException>(() => Read(json));

    [Fact]
    public void Read_ValidInstances_BuildsTypedColumnsAndKeepsKeys()
    {
        var batch = Read("""{"instances":[{"key":"k1","features":{"age":30,"hours":null,"job":"a"}},{"key":"k2","features":{"age":41,"hours":2.5,"job":null}}]}""");

        Assert.Equal(["k1", "k2"], batch.Keys);
        Assert.True(double.IsNaN(((NumericColumn)batch.Features["hours"]).Values[0]));
        Assert.Null(((TextColumn)batch.Features["job"]).Values[1]);
        Assert.Equal("""{"age":30,"hours":null,"job":"a"}""", batch.InputsJson[0]);
    }

    [Fact]
    public void Read_MissingFeature_NamesTheField()
    {
        var e = Fails("""{"instances":[{"key":"k","features":{"age":30,"job":"a"}}]}""");

        Assert.Equal("instances[0].features.hours", e.Field);
        Assert.Contains("missing", e.Message);
    }

    [Fact]
    public void Read_StringForNumber_NamesTheFieldAndTheType()
    {
        var e = Fails("""{"instances":[{"key":"k","features":{"age":"forty","hours":1,"job":"a"}}]}""");

        Assert.Equal("instances[0].features.age", e.Field);
        Assert.Contains("expected a number", e.Message);
    }

    [Fact]
    public void Read_FractionForInteger_Fails()
    {
        Assert.Equal("instances[0].features.age", Fails("""{"instances":[{"key":"k","features":{"age":30.5,"hours":1,"job":"a"}}]}""").Field);
    }

    [Fact]
    public void Read_UnknownFeature_NamesIt()
    {
        var e = Fails("""{"instances":[{"key":"k","features":{"age":1,"hours":1,"job":"a","colour":"red"}}]}""");

        Assert.Equal("instances[0].features.colour", e.Field);
        Assert.Contains("unknown feature", e.Message);
    }

    [Theory]
    [InlineData("""{"instances":[{"features":{"age":1,"hours":1,"job":"a"}}]}""", "instances[0].key")]
    [InlineData("""{"instances":[]}""", "instances")]
    [InlineData("""{"rows":[]}""", "instances")]
    [InlineData("""{"instances":[{"key":"k"}]}""", "instances[0].features")]
    public void Read_MalformedBody_NamesTheField(string json, string field) => Assert.Equal(field, Fails(json).Field);
}

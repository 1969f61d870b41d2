using Recur.Core.Modeling;
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

public sealed class InstanceReaderHostileInputTests
{
    private static readonly FeaturePlan Plan = new(
        [new FeatureSpec("age", ColumnType.Integer, false), new FeatureSpec("job", ColumnType.Text, true, ["a", "b"])],
        "label", "yes", "no");

    private static RecurException Fails(byte[] utf8) =>
        Assert.Throws<RecurException>(() => InstanceReader.Read(JsonDocument.Parse(utf8).RootElement, Plan, new Recur.Core.Project.ServingConfig { MaxKeyLength = 8, MaxTextLength = 16 }));

    private static RecurException Fails(string json) => Fails(System.Text.Encoding.UTF8.GetBytes(json));

    // "\xC3\x28" is not UTF-8: a lead byte followed by a byte that cannot continue it.
    private static byte[] WithInvalidUtf8(string json, string marker)
    {
        var at = json.IndexOf(marker, StringComparison.Ordinal);
        return [.. System.Text.Encoding.UTF8.GetBytes(json[..at]), 0xC3, 0x28, .. System.Text.Encoding.UTF8.GetBytes(json[(at + marker.Length)..])];
    }

    [Theory]
    [InlineData("""{"instances":[{"key":"\ud800","features":{"age":1,"job":"a"}}]}""", "instances[0].key")]
    [InlineData("""{"instances":[{"key":"k","features":{"age":1,"job":"x\udc00"}}]}""", "instances[0].features.job")]
    [InlineData("""{"instances":[{"key":"k","features":{"age":1,"\ud800":"a"}}]}""", "instances[0].features")]
    [InlineData("""{"instances":[{"key":"k","features":{"age":1e400,"job":"a"}}]}""", "instances[0].features.age")]
    [InlineData("""{"instances":[{"key":"k","features":{"age":-1e400,"job":"a"}}]}""", "instances[0].features.age")]
    [InlineData("""{"instances":[{"key":"k","features":{"age":1,"job":"a","age":2}}]}""", "instances[0].features.age")]
    [InlineData("""{"instances":[{"key":"a-key-too-long","features":{"age":1,"job":"a"}}]}""", "instances[0].key")]
    [InlineData("""{"instances":[{"key":"k","features":{"age":1,"job":"a text longer than sixteen"}}]}""", "instances[0].features.job")]
    public void Read_HostileValue_IsInvalidInputNamingTheField(string json, string field)
    {
        var e = Fails(json);

        Assert.Equal(FailureKind.InvalidInput, e.Kind);
        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData("""{"instances":[{"key":"BAD","features":{"age":1,"job":"a"}}]}""", "instances[0].key")]
    [InlineData("""{"instances":[{"key":"k","features":{"age":1,"job":"BAD"}}]}""", "instances[0].features.job")]
    [InlineData("""{"instances":[{"key":"k","features":{"age":1,"BAD":"a"}}]}""", "instances[0].features")]
    public void Read_InvalidUtf8_IsInvalidInputNamingTheField(string json, string field)
    {
        var e = Fails(WithInvalidUtf8(json, "BAD"));

        Assert.Equal(FailureKind.InvalidInput, e.Kind);
        Assert.Equal(field, e.Field);
    }
}

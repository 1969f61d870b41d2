using Recur.Core;
using Recur.Core.Data;
using Recur.Lake.Validation;

namespace Recur.Tests.Lake.Validation;

public sealed class SchemaInferenceTests
{
    private static NumericColumn Numbers(string name, ColumnType type, params double[] values) => new(new ColumnSpec(name, type), values);

    private static TextColumn Texts(string name, params string?[] values) => new(new ColumnSpec(name, ColumnType.Text), values);

    private static DataTable People() => new([
        Numbers("id", ColumnType.Integer, 1, 2, 3, 4),
        Numbers("age", ColumnType.Integer, 30, 41, double.NaN, 19),
        Numbers("income", ColumnType.Real, 10.5, 99.25, 40, 12),
        Texts("country", "se", "us", "se", null),
    ]);

    [Fact]
    public void Infer_Table_TakesNamesAndTypesFromTheColumns()
    {
        var schema = SchemaInference.Infer(People());

        Assert.Equal(["id", "age", "income", "country"], schema.Columns.Select(c => c.Name));
        Assert.Equal(["integer", "integer", "real", "text"], schema.Columns.Select(c => c.Type));
        Assert.All(schema.Columns, c => Assert.True(c.Required));
    }

    [Fact]
    public void Infer_NoMissingValues_AllowsNone()
    {
        var schema = SchemaInference.Infer(People());

        Assert.Equal(0, schema.Columns[0].MaxMissingRate);
    }

    [Fact]
    public void Infer_SomeMissing_AllowsObservedRatePlusSlack()
    {
        var schema = SchemaInference.Infer(People(), new SchemaInferenceOptions(MissingRateSlack: 0.05));

        Assert.Equal(0.3, schema.Columns[1].MaxMissingRate);
        Assert.Equal(0.3, schema.Columns[3].MaxMissingRate);
    }

    [Fact]
    public void Infer_AllMissing_CapsAllowedRateAtOne()
    {
        var table = new DataTable([Texts("note", null, null)]);

        var rule = SchemaInference.Infer(table).Columns[0];

        Assert.Equal(1, rule.MaxMissingRate);
        Assert.Null(rule.Domain);
        Assert.Null(rule.MinLength);
    }

    [Fact]
    public void Infer_NoSlackAndAThirdMissing_StillAcceptsTheSameTable()
    {
        var table = new DataTable([Numbers("x", ColumnType.Real, 1, double.NaN, 3)]);

        var schema = SchemaInference.Infer(table, new SchemaInferenceOptions(MissingRateSlack: 0));

        Assert.InRange(schema.Columns[0].MaxMissingRate, 1.0 / 3, 0.3334);
        Assert.Empty(Validator.Validate(table, schema).Anomalies);
    }

    [Fact]
    public void Infer_FewDistinctValues_RecordsSortedDomain()
    {
        var rule = SchemaInference.Infer(People()).Columns[3];

        Assert.Equal(["se", "us"], rule.Domain);
    }

    [Fact]
    public void Infer_MoreDistinctValuesThanMaxDomainSize_LeavesDomainOpen()
    {
        var rule = SchemaInference.Infer(People(), new SchemaInferenceOptions(MaxDomainSize: 1)).Columns[3];

        Assert.Null(rule.Domain);
    }

    [Fact]
    public void Infer_Numbers_RecordsObservedRangeIgnoringMissing()
    {
        var schema = SchemaInference.Infer(People());

        Assert.Equal((19.0, 41.0), (schema.Columns[1].Min, schema.Columns[1].Max));
        Assert.Equal((10.5, 99.25), (schema.Columns[2].Min, schema.Columns[2].Max));
        Assert.Null(schema.Columns[2].Domain);
    }

    [Fact]
    public void Infer_FreeText_RecordsObservedLengths()
    {
        var table = new DataTable([Texts("word", "a", "abcd", null, "ab")]);

        var rule = SchemaInference.Infer(table, new SchemaInferenceOptions(MaxDomainSize: 2)).Columns[0];

        Assert.Equal((1, 4), (rule.MinLength, rule.MaxLength));
        Assert.Null(rule.Domain);
        Assert.Null(rule.Min);
    }

    [Fact]
    public void Infer_TextWithDomain_LeavesLengthsOpen()
    {
        var rule = SchemaInference.Infer(People()).Columns[3];

        Assert.Null(rule.MinLength);
        Assert.Null(rule.MaxLength);
    }

    [Fact]
    public void Infer_Key_RecordsTheKeyColumns()
    {
        var schema = SchemaInference.Infer(People(), new SchemaInferenceOptions(Key: ["id"]));

        Assert.Equal(["id"], schema.Key);
    }

    [Fact]
    public void Infer_KeyColumnNotInTable_FailsNamingIt()
    {
        var e = Assert.Throws<RecurException>(() => SchemaInference.Infer(People(), new SchemaInferenceOptions(Key: ["user"])));

        Assert.Contains("'user'", e.Message);
    }

    [Fact]
    public void Infer_ThenValidate_SameTableIsOk()
    {
        var schema = SchemaInference.Infer(People(), new SchemaInferenceOptions(Key: ["id"]));

        var result = Validator.Validate(People(), schema);

        Assert.True(result.Ok);
        Assert.Empty(result.Anomalies);
    }
}

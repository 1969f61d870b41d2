using Recur.Core.Data;
using Recur.Lake.Ingest;
using Recur.Lake.Validation;

namespace Recur.Tests.Lake.Validation;

/// <summary>
/// The share rule (<see cref="DataSchema.MaxAnomalyShare"/>) on the Adult data: the reference is
/// adult-small's 3,000 training rows, the batches are its first 1,000 rows with ages or countries broken.
/// </summary>
public sealed class ValidatorAnomalyShareTests
{
    private const string Unseen = "Atlantis";

    private static async Task<DataTable> AdultAsync() =>
        (await SourceReader.ReadAsync(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv")).Table;

    // The first 1,000 rows; the first `agesBroken` get an age of 200 or more, the last `countriesUnseen` an unknown country.
    private static DataTable Batch(DataTable adult, int agesBroken, int countriesUnseen)
    {
        var rows = adult.Take([.. Enumerable.Range(0, 1000)]);
        var ages = ((NumericColumn)rows["age"]).Values.Select((v, r) => r < agesBroken ? 200 + (r % 60) : v).ToArray();
        var countries = ((TextColumn)rows["native-country"]).Values.Select((v, r) => r >= 1000 - countriesUnseen ? Unseen : v).ToArray();
        return new DataTable([.. rows.Columns.Select(c => c.Name switch
        {
            "age" => new NumericColumn(c.Spec, ages),
            "native-country" => (DataColumn)new TextColumn(c.Spec, countries),
            _ => c,
        })]);
    }

    private static DataSchema Inferred(DataTable adult, double? maxShare = 0.01)
    {
        var schema = SchemaInference.Infer(adult);
        schema.MaxAnomalyShare = maxShare;
        return schema;
    }

    private static Anomaly Of(ValidationResult result, string column) => Assert.Single(result.Anomalies, a => a.Column == column);

    [Fact]
    public async Task Validate_InferredReference95PercentBadAgesAnd5PercentUnseenCountries_BothAreErrors()
    {
        var adult = await AdultAsync();

        var result = Validator.Validate(Batch(adult, agesBroken: 950, countriesUnseen: 50), Inferred(adult));

        Assert.False(result.Ok);
        var age = Of(result, "age");
        Assert.Equal((AnomalyKinds.OutOfRange, AnomalySeverity.Error, 950L, 0.95), (age.Kind, age.Severity, age.Count, age.Share));
        var country = Of(result, "native-country");
        Assert.Equal((AnomalyKinds.UnseenCategory, AnomalySeverity.Error, 50L, 0.05), (country.Kind, country.Severity, country.Count, country.Share));
        Assert.Equal([Unseen], country.Examples);
    }

    [Fact]
    public async Task Validate_InferredReferenceHalfPercentUnseenCountries_IsOnlyAWarning()
    {
        var adult = await AdultAsync();

        var result = Validator.Validate(Batch(adult, agesBroken: 0, countriesUnseen: 5), Inferred(adult));

        Assert.True(result.Ok);
        var country = Assert.Single(result.Anomalies);
        Assert.Equal(("native-country", AnomalySeverity.Warning, 0.005), (country.Column, country.Severity, country.Share));
    }

    [Fact]
    public async Task Validate_ShareExactlyAtTheLimit_IsAWarning()
    {
        var adult = await AdultAsync();

        var result = Validator.Validate(Batch(adult, agesBroken: 0, countriesUnseen: 10), Inferred(adult));

        Assert.Equal(AnomalySeverity.Warning, Of(result, "native-country").Severity);
    }

    [Fact]
    public async Task Validate_NoMaxAnomalyShare_ValueAnomaliesKeepTheirDefaultWarning()
    {
        var adult = await AdultAsync();

        var result = Validator.Validate(Batch(adult, agesBroken: 950, countriesUnseen: 50), Inferred(adult, maxShare: null));

        Assert.True(result.Ok);
        Assert.All(result.Anomalies, a => Assert.Equal(AnomalySeverity.Warning, a.Severity));
        Assert.Equal(0.95, Of(result, "age").Share);
    }

    [Fact]
    public async Task Validate_SchemaSeverityForAKind_OverridesTheShareRule()
    {
        var adult = await AdultAsync();
        var schema = Inferred(adult);
        schema.Severity[AnomalyKinds.UnseenCategory] = AnomalySeverity.Warning;

        var result = Validator.Validate(Batch(adult, agesBroken: 950, countriesUnseen: 50), schema);

        Assert.Equal(AnomalySeverity.Warning, Of(result, "native-country").Severity);
        Assert.Equal(AnomalySeverity.Error, Of(result, "age").Severity);
    }

    [Fact]
    public async Task Validate_CommittedColumnSeverity_DecidesForThatColumnOnly()
    {
        var adult = await AdultAsync();
        using var dir = new TempDir();
        var schema = Inferred(adult, maxShare: null);
        schema.Columns.Single(c => c.Name == "age").Severity = new() { [AnomalyKinds.OutOfRange] = AnomalySeverity.Error };
        SchemaFile.Save(schema, dir.Path("schema.yaml"));

        var result = Validator.Validate(Batch(adult, agesBroken: 5, countriesUnseen: 50), SchemaFile.Load(dir.Path("schema.yaml")));

        Assert.False(result.Ok);
        Assert.Equal((AnomalySeverity.Error, 0.005), (Of(result, "age").Severity, Of(result, "age").Share));
        Assert.Equal(AnomalySeverity.Warning, Of(result, "native-country").Severity);
    }
}

using Recur.Core;
using Recur.Core.Data;
using Recur.Lake.Validation;

namespace Recur.Tests.Lake.Validation;

public sealed class ValidatorTests
{
    private static NumericColumn Numbers(string name, ColumnType type, params double[] values) => new(new ColumnSpec(name, type), values);

    private static TextColumn Texts(string name, params string?[] values) => new(new ColumnSpec(name, ColumnType.Text), values);

    private static DataSchema Schema() => new()
    {
        Key = ["id"],
        Environments = new() { ["serving"] = new EnvironmentRule { Exclude = ["label"] } },
        Columns = [
            new ColumnRule { Name = "id", Type = "integer" },
            new ColumnRule { Name = "age", Type = "integer", Min = 0, Max = 120, MaxMissingRate = 0.25 },
            new ColumnRule { Name = "city", Type = "text", Domain = ["oslo", "rome"], MinLength = 4, MaxLength = 4 },
            new ColumnRule { Name = "label", Type = "text", Domain = ["no", "yes"] },
        ],
    };

    private static DataTable Batch(double[]? ids = null, double[]? ages = null, string?[]? cities = null, bool label = true) => new([
        Numbers("id", ColumnType.Integer, ids ?? [1, 2, 3, 4]),
        Numbers("age", ColumnType.Integer, ages ?? [30, 41, double.NaN, 19]),
        Texts("city", cities ?? ["oslo", "rome", "oslo", "rome"]),
        .. label ? [Texts("label", "yes", "no", "no", "yes")] : Array.Empty<DataColumn>(),
    ]);

    // The batch with one column replaced, or added when the batch lacks it.
    private static DataTable With(DataColumn column) => new([.. Batch().Columns.Where(c => c.Name != column.Name), column]);

    private static Anomaly Single(ValidationResult result, string kind) => Assert.Single(result.Anomalies, a => a.Kind == kind);

    [Fact]
    public void Validate_CleanBatch_IsOkWithNoAnomalies()
    {
        var result = Validator.Validate(Batch(), Schema());

        Assert.True(result.Ok);
        Assert.Empty(result.Anomalies);
    }

    [Fact]
    public void Validate_ColumnAbsent_ReportsMissingColumnErrorOnlyWhenRequired()
    {
        var schema = Schema();
        var result = Validator.Validate(Batch(label: false), schema);
        schema.Columns[3].Required = false;

        var anomaly = Assert.Single(result.Anomalies);
        Assert.Equal(("label", AnomalyKinds.MissingColumn, AnomalySeverity.Error), (anomaly.Column, anomaly.Kind, anomaly.Severity));
        Assert.False(result.Ok);
        Assert.Empty(Validator.Validate(Batch(label: false), schema).Anomalies);
    }

    [Fact]
    public void Validate_ColumnNotInSchema_ReportsExtraColumnWarning()
    {
        var result = Validator.Validate(With(Texts("debug", "x", "y", "z", "w")), Schema());

        var anomaly = Single(result, AnomalyKinds.ExtraColumn);
        Assert.Equal(("debug", AnomalySeverity.Warning), (anomaly.Column, anomaly.Severity));
        Assert.True(result.Ok);
    }

    [Theory]
    [InlineData("id", ColumnType.Real)]
    [InlineData("city", ColumnType.Integer)]
    [InlineData("age", ColumnType.Text)]
    public void Validate_IncompatibleType_ReportsTypeChangeError(string column, ColumnType type)
    {
        DataColumn arriving = type == ColumnType.Text ? Texts(column, "1", "2", "3", "4") : Numbers(column, type, 1.5, 2, 3, 4);

        var anomaly = Single(Validator.Validate(With(arriving), Schema()), AnomalyKinds.TypeChange);

        Assert.Equal((column, AnomalySeverity.Error), (anomaly.Column, anomaly.Severity));
        Assert.Contains($"got {type.ToName()}", anomaly.Detail);
    }

    [Fact]
    public void Validate_RealArrivesAsInteger_IsOk()
    {
        var schema = Schema();
        schema.Columns[1].Type = "real";

        Assert.Empty(Validator.Validate(Batch(), schema).Anomalies);
    }

    [Fact]
    public void Validate_UnseenCategories_CountsRowsAndListsExamplesByFrequency()
    {
        var anomaly = Single(Validator.Validate(Batch(cities: ["lima", "oslo", "bern", "lima"]), Schema()), AnomalyKinds.UnseenCategory);

        Assert.Equal(3, anomaly.Count);
        Assert.Equal(["lima", "bern"], anomaly.Examples);
        Assert.Equal(AnomalySeverity.Warning, anomaly.Severity);
    }

    [Fact]
    public void Validate_ValuesOutOfRange_ListsTheOffendingValues()
    {
        var anomaly = Single(Validator.Validate(Batch(ages: [-1, 30, 150, 200]), Schema()), AnomalyKinds.OutOfRange);

        Assert.Equal(3, anomaly.Count);
        Assert.Equal(["200", "150", "-1"], anomaly.Examples);
    }

    [Fact]
    public void Validate_MissingAboveAllowedRate_StatesObservedAndAllowedRates()
    {
        var result = Validator.Validate(Batch(ages: [double.NaN, double.NaN, 30, 40], cities: ["oslo", null, "rome", "rome"]), Schema());

        var anomalies = result.Anomalies.Where(a => a.Kind == AnomalyKinds.MissingRate).ToList();
        Assert.Equal([("age", 2L), ("city", 1L)], anomalies.Select(a => (a.Column, a.Count)));
        Assert.Contains("0.5 (2 of 4 rows) is above the allowed 0.25", anomalies[0].Detail);
    }

    [Fact]
    public void Validate_TextTooLong_ReportsLengthOutOfRange()
    {
        var schema = Schema();
        schema.Columns[2].Domain = null;

        var anomaly = Single(Validator.Validate(Batch(cities: ["oslo", "milano", "rome", "milano"]), schema), AnomalyKinds.LengthOutOfRange);

        Assert.Equal(2, anomaly.Count);
        Assert.Equal(["milano"], anomaly.Examples);
    }

    [Fact]
    public void Validate_DuplicateKeys_CountsRowsAndListsTheKeys()
    {
        var result = Validator.Validate(Batch(ids: [7, 7, 3, 7]), Schema());

        var anomaly = Single(result, AnomalyKinds.DuplicateKey);
        Assert.Equal(("id", 3L, AnomalySeverity.Error), (anomaly.Column, anomaly.Count, anomaly.Severity));
        Assert.Equal(["7"], anomaly.Examples);
        Assert.False(result.Ok);
    }

    [Fact]
    public void Validate_SeverityOverride_TurnsWarningIntoError()
    {
        var schema = Schema();
        schema.Severity[AnomalyKinds.UnseenCategory] = AnomalySeverity.Error;

        var result = Validator.Validate(Batch(cities: ["lima", "oslo", "rome", "oslo"]), schema);

        Assert.Equal(AnomalySeverity.Error, Single(result, AnomalyKinds.UnseenCategory).Severity);
        Assert.False(result.Ok);
    }

    [Fact]
    public void Validate_SeverityIgnore_DropsTheAnomaly()
    {
        var schema = Schema();
        schema.Severity[AnomalyKinds.DuplicateKey] = AnomalySeverity.Ignore;

        var result = Validator.Validate(Batch(ids: [1, 1, 1, 1]), schema);

        Assert.Empty(result.Anomalies);
    }

    [Fact]
    public void Validate_ServingEnvironment_DoesNotExpectTheLabel()
    {
        var withoutLabel = Validator.Validate(Batch(label: false), Schema(), "serving");
        var withLabel = Validator.Validate(Batch(), Schema(), "serving");

        Assert.Empty(withoutLabel.Anomalies);
        var anomaly = Single(withLabel, AnomalyKinds.ExtraColumn);
        Assert.Equal("label", anomaly.Column);
        Assert.Contains("excluded in environment 'serving'", anomaly.Detail);
    }

    [Fact]
    public void Validate_UndeclaredEnvironment_FailsNamingIt()
    {
        var e = Assert.Throws<RecurException>(() => Validator.Validate(Batch(), Schema(), "servng"));

        Assert.Contains("'servng'", e.Message);
    }

    [Fact]
    public void Validate_SeveralAnomalies_SortedBySchemaColumnThenKind()
    {
        var table = new DataTable([Texts("extra", "a", "b", "c", "d"), .. Batch(ids: [1, 1, 2, 3], ages: [double.NaN, double.NaN, 500, 1], cities: ["lima", "oslo", "rome", "rome"]).Columns]);

        var result = Validator.Validate(table, Schema());

        Assert.Equal([("id", "duplicate_key"), ("age", "missing_rate"), ("age", "out_of_range"), ("city", "unseen_category"), ("extra", "extra_column")],
            result.Anomalies.Select(a => (a.Column, a.Kind)));
    }
}

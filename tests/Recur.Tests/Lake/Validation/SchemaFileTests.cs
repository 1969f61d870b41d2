using Recur.Core;
using Recur.Core.Data;
using Recur.Lake.Validation;

namespace Recur.Tests.Lake.Validation;

public sealed class SchemaFileTests
{
    private const string IdColumn = "columns:\n  - name: id\n    type: integer\n";

    private static DataSchema Reviewed()
    {
        var table = new DataTable([
            new NumericColumn(new ColumnSpec("id", ColumnType.Integer), [1, 2, 3]),
            new NumericColumn(new ColumnSpec("score", ColumnType.Real), [0.1, 1.0 / 3, double.NaN]),
            new TextColumn(new ColumnSpec("answer", ColumnType.Text), ["null", "1", "yes"]),
            new TextColumn(new ColumnSpec("label", ColumnType.Text), ["a", "b", ""]),
        ]);
        var schema = SchemaInference.Infer(table, new SchemaInferenceOptions(Key: ["id"]));
        schema.Severity[AnomalyKinds.UnseenCategory] = AnomalySeverity.Error;
        schema.Environments["serving"] = new EnvironmentRule { Exclude = ["label"] };
        schema.Columns[2].Required = false;
        (schema.Columns[2].MinLength, schema.Columns[2].MaxLength) = (1, 4);
        return schema;
    }

    private static RecurException LoadFails(TempDir dir, string yaml) =>
        Assert.Throws<RecurException>(() => SchemaFile.Load(dir.Write("schema.yaml", yaml)));

    [Fact]
    public void SaveThenLoad_ReviewedSchema_RoundTrips()
    {
        using var dir = new TempDir();
        var schema = Reviewed();

        SchemaFile.Save(schema, dir.Path("schema.yaml"));
        var loaded = SchemaFile.Load(dir.Path("schema.yaml"));

        Assert.Equivalent(schema, loaded, strict: true);
        Assert.Equal(SchemaFile.ToYaml(schema), SchemaFile.ToYaml(loaded));
    }

    [Fact]
    public void Save_ExistingFile_ReplacesItAndLeavesNoTemporaryFile()
    {
        using var dir = new TempDir();
        var path = dir.Write("lake/schema.yaml", "old");

        SchemaFile.Save(Reviewed(), path);

        Assert.Equal(SchemaFile.ToYaml(Reviewed()), File.ReadAllText(path));
        Assert.False(File.Exists(path + ".tmp"));
        Assert.Single(Directory.GetFiles(dir.Path("lake")));
    }

    [Fact]
    public void ToYaml_Schema_StartsWithAReviewComment()
    {
        var yaml = SchemaFile.ToYaml(Reviewed());

        Assert.StartsWith("# ", yaml);
        Assert.Contains("reviewed", yaml.Split('\n')[1]);
        Assert.Contains("max_missing_rate:", yaml);
    }

    [Fact]
    public void Load_TypoInTopLevelKey_FailsNamingFileLineAndKey()
    {
        using var dir = new TempDir();

        var e = LoadFails(dir, "key: [id]\n\ncolums:\n  - name: id\n    type: integer\n");

        Assert.Contains("schema.yaml: line 3, column 1", e.Message);
        Assert.Contains("'colums'", e.Message);
    }

    [Fact]
    public void Load_ValueOfWrongType_FailsWithLineAndColumn()
    {
        using var dir = new TempDir();

        var e = LoadFails(dir, "columns:\n  - name: age\n    type: integer\n    min: young\n");

        Assert.Contains("line 4, column 10", e.Message);
    }

    [Fact]
    public void Load_UnknownColumnType_FailsNamingLineAndKey()
    {
        using var dir = new TempDir();

        var e = LoadFails(dir, "columns:\n  - name: id\n    type: integer\n  - name: age\n    type: numbr\n");

        Assert.Contains("line 5", e.Message);
        Assert.Contains("columns[1].type", e.Message);
        Assert.Equal("columns[1].type", e.Field);
    }

    [Theory]
    [InlineData("severity:\n  unseen_categry: error\n", "severity.unseen_categry")]
    [InlineData("severity:\n  out_of_range: fatal\n", "severity.out_of_range")]
    [InlineData("environments:\n  serving:\n    exclude: [lable]\n", "environments.serving.exclude[0]")]
    [InlineData("key: [user]\n", "key[0]")]
    [InlineData("columns:\n  - name: x\n    type: real\n    max_missing_rate: 1.5\n", "columns[0].max_missing_rate")]
    [InlineData("columns:\n  - name: x\n    type: real\n    min: 5\n    max: 1\n", "columns[0].min")]
    [InlineData("columns:\n  - name: x\n    type: text\n  - name: x\n    type: text\n", "columns[1].name")]
    public void Load_BadValue_FailsNamingTheKey(string yaml, string field)
    {
        using var dir = new TempDir();

        var e = LoadFails(dir, yaml.StartsWith("columns", StringComparison.Ordinal) ? yaml : IdColumn + yaml);

        Assert.Equal(field, e.Field);
        Assert.Matches(@"schema\.yaml: line \d+, column \d+: ", e.Message);
    }

    [Fact]
    public void Load_NoFile_FailsNamingThePath()
    {
        using var dir = new TempDir();

        var e = Assert.Throws<RecurException>(() => SchemaFile.Load(dir.Path("absent.yaml")));

        Assert.Contains("absent.yaml", e.Message);
    }

    [Fact]
    public void Load_EmptyFile_GivesAnEmptySchema()
    {
        using var dir = new TempDir();

        var schema = SchemaFile.Load(dir.Write("schema.yaml", "# nothing yet\n"));

        Assert.Empty(schema.Columns);
        Assert.Empty(schema.Key);
    }

    [Fact]
    public void Load_ColumnSeverityWithUnknownKind_FailsNamingTheField()
    {
        using var dir = new TempDir();

        var e = LoadFails(dir, IdColumn + "    severity:\n      out_of_rnage: error\n");

        Assert.Contains("columns[0].severity.out_of_rnage", e.Message);
        Assert.Contains("line 5", e.Message);
    }

    [Fact]
    public void Load_MaxAnomalyShareAboveOne_FailsNamingTheKey()
    {
        using var dir = new TempDir();

        var e = LoadFails(dir, "max_anomaly_share: 5\n" + IdColumn);

        Assert.Contains("max_anomaly_share: must be in [0, 1]", e.Message);
    }
}

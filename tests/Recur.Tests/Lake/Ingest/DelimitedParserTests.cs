using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

public sealed class DelimitedParserTests
{
    private static string Joined(TextColumn column) => string.Join("|", column.Values.Select(v => v ?? "<missing>"));

    private static ParsedTable Parse(string text, DatasetConfig? config = null) =>
        DelimitedParser.Parse(new StringReader(text), config ?? new DatasetConfig(), "input.csv");

    [Fact]
    public void Parse_HeaderAndNumbers_InfersTypes()
    {
        var parsed = Parse("a,b,c\n1,2.5,x\n3,4,y\n");

        Assert.Equal([ColumnType.Integer, ColumnType.Real, ColumnType.Text], parsed.Table.Columns.Select(c => c.Spec.Type));
        Assert.Equal(2, parsed.Table.RowCount);
        Assert.Equal(2.5, ((NumericColumn)parsed.Table["b"]).Values[0]);
    }

    [Fact]
    public void Parse_RaggedRow_QuarantinesWithLineNumberAndKeepsGoodRows()
    {
        var parsed = Parse("a,b\n1,2\n3\n4,5\n");

        Assert.Equal(2, parsed.Table.RowCount);
        var bad = Assert.Single(parsed.Quarantined);
        Assert.Equal(3, bad.Line);
        Assert.Contains("expected 2 fields, found 1", bad.Reason);
    }

    [Fact]
    public void Parse_NonNumberInNumericColumn_QuarantinesNamingTheColumn()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 100).Select(i => $"{i},x")) + "\n1.234,5,y\nforty,z\n";
        var parsed = Parse("age,name\n" + rows, new DatasetConfig { Types = new() { ["age"] = "integer" } });

        Assert.Equal(100, parsed.Table.RowCount);
        Assert.Equal(2, parsed.Quarantined.Count);
        Assert.Contains(parsed.Quarantined, q => q.Line == 103 && q.Reason.Contains("column 'age'") && q.Reason.Contains("'forty' is not an integer"));
    }

    [Fact]
    public void Parse_QuotedFieldsWithDelimitersAndNewlines_ReadsThemWhole()
    {
        var parsed = Parse("a,b\n\"x, y\",\"line1\nline2\"\n\"say \"\"hi\"\"\",z\n");

        var a = (TextColumn)parsed.Table["a"];
        Assert.Equal("x, y|say \"hi\"", Joined(a));
        Assert.Equal("line1\nline2", ((TextColumn)parsed.Table["b"]).Values[0]);
    }

    [Fact]
    public void Parse_AdultTestQuirks_SkipsJunkTrimsRecodesAndMarksMissing()
    {
        var config = new DatasetConfig
        {
            Header = false,
            SkipLines = 1,
            Columns = ["age", "workclass", "income"],
            Missing = ["?"],
            Recode = new() { ["income"] = new() { [">50K."] = ">50K", ["<=50K."] = "<=50K" } },
        };

        var parsed = Parse("|1x3 Cross validator\n25, Private, <=50K.\n38, ?, >50K.\n\n", config);

        Assert.Equal(2, parsed.Table.RowCount);
        Assert.Equal("Private|<missing>", Joined((TextColumn)parsed.Table["workclass"]));
        Assert.Equal("<=50K|>50K", Joined((TextColumn)parsed.Table["income"]));
        Assert.Empty(parsed.Quarantined);
    }

    [Fact]
    public void Parse_HeaderMismatchingDeclaredColumns_FailsNamingLine()
    {
        var e = Assert.Throws<RecurException>(() => Parse("a,b\n1,2\n", new DatasetConfig { Columns = ["a", "c"] }));

        Assert.Contains("line 1", e.Message);
        Assert.Equal(FailureKind.InvalidInput, e.Kind);
    }

    [Fact]
    public void Parse_EmptyFile_FailsWithPreciseMessage()
    {
        var e = Assert.Throws<RecurException>(() => Parse(""));

        Assert.Contains("input.csv", e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Parse_UnclosedQuote_FailsNamingTheLine()
    {
        var e = Assert.Throws<RecurException>(() => Parse("a,b\n1,\"open\n"));

        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Parse_AdultData_KeepsEveryRowAndCountsMissing()
    {
        var config = new DatasetConfig
        {
            Header = false,
            Columns = ["age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country", "income"],
            Missing = ["?"],
        };

        var parsed = DelimitedParser.ParseFile(System.IO.Path.Combine(AppContext.BaseDirectory, "examples-adult", "adult.data"), config, "adult.data");

        Assert.Equal(32561, parsed.Table.RowCount);
        Assert.Empty(parsed.Quarantined);
        Assert.Equal(1836, Enumerable.Range(0, parsed.Table.RowCount).Count(parsed.Table["workclass"].IsMissing));
        Assert.Equal(ColumnType.Integer, parsed.Table["age"].Spec.Type);
    }
}

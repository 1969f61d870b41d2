using Recur.Core;
using Recur.Evaluation.Fairness;
using Xunit;

namespace Recur.Tests.Evaluation.Fairness;

public class AuditInputTests
{
    private const string Csv = "id,label,p,race,note,p\n1,1,0.9,a,\"two\nlines\",0\n2,0,0.2,b,x,0\n3,yes,0.6,,\"say \"\"hi\"\"\",0\n";

    private static AuditFile File() => AuditFile.Parse(Csv, "audit.csv");

    [Fact]
    public void Parse_QuotedLineBreaksAndDuplicateHeader_LinesAndRenamedColumn()
    {
        var file = File();

        Assert.Equal(["id", "label", "p", "race", "note", "p#2"], file.Columns);
        Assert.Equal([2, 4, 5], file.Lines);
        Assert.Equal("two\nlines", file.Rows[0][4]);
        Assert.Equal("say \"hi\"", file.Rows[2][4]);
        Assert.Null(file.Rows[2][3]);
        Assert.Contains("column 'p' appears 2 times (columns 3, 6)", Assert.Single(file.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongFieldCount_NamesTheLine()
    {
        var error = Assert.Throws<RecurException>(() => AuditFile.Parse("a,b\n1,2\n3\n", "x.csv"));

        Assert.Equal("x.csv: line 3: 1 fields, but the header has 2", error.Message);
    }

    [Fact]
    public void Build_ScoreAndThreshold_DecisionsLabelsAndMissingGroup()
    {
        var input = AuditInput.Build(File(), new AuditRequest { Label = "label", Score = "p", Threshold = 0.5, Sensitive = ["race"] });

        Assert.Equal([true, false, true], input.Labels);
        Assert.Equal([true, false, true], input.Decisions);
        Assert.Equal([0.9, 0.2, 0.6], input.Scores);
        Assert.Equal(["a", "b", null], input.Sensitive[0].Values);
    }

    [Fact]
    public void Build_ScoreOutsideUnitInterval_NamesLineAndColumn()
    {
        var file = AuditFile.Parse("y,s,g\n1,0.5,a\n0,7,b\n", "scores.csv");

        var error = Assert.Throws<RecurException>(() => AuditInput.Build(file, new AuditRequest { Label = "y", Score = "s", Sensitive = ["g"] }));

        Assert.StartsWith("scores.csv: line 3: score column 's' is 7, outside [0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownColumn_NamesItAndListsTheColumns()
    {
        var error = Assert.Throws<RecurException>(() => AuditInput.Build(File(), new AuditRequest { Label = "label", Prediction = "id", Sensitive = ["sex"] }));

        Assert.Equal("--sensitive: no column 'sex' in audit.csv (columns: id, label, p, race, note, p#2)", error.Message);
    }

    [Fact]
    public void Build_UnreadableLabel_NamesTheLineAndTheWayOut()
    {
        var file = AuditFile.Parse("y,d,g\n1,1,a\nmaybe,0,b\n", "l.csv");

        var error = Assert.Throws<RecurException>(() => AuditInput.Build(file, new AuditRequest { Label = "y", Prediction = "d", Sensitive = ["g"] }));

        Assert.Contains("l.csv: line 3: column 'y' is 'maybe'; expected 0/1, true/false or yes/no, or name the positive value with --positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoWayOfDeciding_SaysWhichOptions()
    {
        var error = Assert.Throws<RecurException>(() => AuditInput.Build(File(), new AuditRequest { Label = "label", Sensitive = ["race"] }));

        Assert.Contains("exactly one of --prediction COL, --score COL --threshold T, or --positive-when", error.Message, StringComparison.Ordinal);
    }
}

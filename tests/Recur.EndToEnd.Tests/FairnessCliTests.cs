using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// <c>recur fairness</c> audits decisions made elsewhere: ProPublica's COMPAS file, where a score other than
/// Low counts as predicted high risk; the rates match counts taken straight from the CSV, and bad input fails
/// with one line naming what is wrong.
/// </summary>
public sealed class FairnessCliTests
{
    private static string Compas => Path.Combine(AppContext.BaseDirectory, "examples", "compas-audit", "data", "compas-scores-two-years.csv");

    // The COMPAS file quotes some charge descriptions (which hold commas) and never breaks a line inside quotes.
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"') { if (quoted && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; } else quoted = !quoted; }
            else if (c == ',' && !quoted) { fields.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        fields.Add(cell.ToString());
        return fields;
    }

    [Fact]
    public async Task Fairness_CompasScoreTextNotLow_RatesEqualCountsFromTheCsv()
    {
        using var dir = new TempDir();
        var report = dir.Path("compas.html");

        var result = await CliRunner.OkAsync(dir.Root, "fairness", "--data", Compas, "--label", "two_year_recid",
            "--positive-when", "score_text != 'Low'", "--sensitive", "race,sex", "--resamples", "200", "--report", report, "--json");

        // The expected figures, counted independently from the file: the first copy of each column.
        var lines = File.ReadAllLines(Compas);
        var header = Fields(lines[0]);
        int race = header.IndexOf("race"), text = header.IndexOf("score_text"), label = header.IndexOf("two_year_recid");
        var rows = lines.Skip(1).Select(Fields).ToList();
        Assert.Equal(7214, rows.Count);
        var json = result.Json;
        Assert.Equal(7214, json.GetProperty("rows").GetInt32());
        var byRace = json.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "race");
        var groups = byRace.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("name").GetString()!);
        Assert.Equal(6, groups.Count);
        foreach (var (name, group) in groups)
        {
            var members = rows.Where(r => r[race] == name).ToList();
            var negatives = members.Where(r => r[label] == "0").ToList();
            var positives = members.Where(r => r[label] == "1").ToList();
            var metrics = group.GetProperty("metrics");
            Assert.Equal(members.Count, group.GetProperty("count").GetInt32());
            Assert.Equal((double)members.Count(r => r[text] != "Low") / members.Count, metrics.GetProperty("selection_rate").GetProperty("value").GetDouble(), 12);
            Assert.Equal((double)negatives.Count(r => r[text] != "Low") / negatives.Count, metrics.GetProperty("fpr").GetProperty("value").GetDouble(), 12);
            Assert.Equal((double)positives.Count(r => r[text] == "Low") / positives.Count, metrics.GetProperty("fnr").GetProperty("value").GetDouble(), 12);
        }

        // ProPublica's headline: Black defendants who did not reoffend were labelled higher risk about twice as often as white ones.
        double Fpr(string g) => groups[g].GetProperty("metrics").GetProperty("fpr").GetProperty("value").GetDouble();
        Assert.InRange(Fpr("African-American") / Fpr("Caucasian"), 1.8, 2.0);
        // 18 Native American rows: a rate, but no interval, and the reason instead of a number.
        var small = groups["Native American"].GetProperty("metrics").GetProperty("fpr");
        Assert.Equal(JsonValueKind.Null, small.GetProperty("low").ValueKind);
        Assert.Equal("too small for an interval: 18 rows (fewer than 30)", small.GetProperty("reason").GetString());
        var fourFifths = byRace.GetProperty("four_fifths");
        Assert.False(fourFifths.GetProperty("passes").GetBoolean());
        Assert.True(byRace.GetProperty("equalized_odds_gap").GetProperty("value").GetDouble() > 0.2);
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("column 'decile_score' appears 2 times", StringComparison.Ordinal));
        Assert.DoesNotContain("NaN", result.Stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(report);
        Assert.Contains("Fairness by race", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fairness_HumanOutput_TablesAndTheFourFifthsVerdict()
    {
        using var dir = new TempDir();

        var result = await CliRunner.OkAsync(dir.Root, "fairness", "--data", Compas, "--label", "two_year_recid",
            "--positive-when", "decile_score >= 5", "--sensitive", "sex", "--resamples", "100", "--report", dir.Path("r.html"));

        Assert.Contains("By sex:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("four-fifths ratio", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("equalized odds gap", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fairness_SameSeedTwoProcesses_SameJson()
    {
        using var dir = new TempDir();
        string[] args = ["fairness", "--data", Compas, "--label", "two_year_recid", "--positive-when", "decile_score >= 5", "--sensitive", "race,sex",
            "--intersections", "--resamples", "100", "--report", dir.Path("r.html"), "--json"];

        var first = await CliRunner.OkAsync(dir.Root, args);
        var second = await CliRunner.OkAsync(dir.Root, args);

        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public async Task Fairness_ScoreColumnWithPrediction_CalibrationAndDefaultReportNextToTheData()
    {
        using var dir = new TempDir();
        var csv = new StringBuilder("y,pred,p,group\n");
        for (var i = 0; i < 100; i++)
        {
            var p = (i % 10) / 10.0;
            csv.Append(CultureInfo.InvariantCulture, $"{(i % 3 == 0 ? "yes" : "no")},{(p >= 0.5 ? "hi" : "lo")},{p:0.0},{(i < 60 ? "a" : i < 95 ? "b" : "c")}\n");
        }
        File.WriteAllText(dir.Path("scored.csv"), csv.ToString());

        var json = (await CliRunner.OkAsync(dir.Root, "fairness", "--data", dir.Path("scored.csv"), "--label", "y", "--prediction", "pred",
            "--predicted-positive", "hi", "--score", "p", "--sensitive", "group", "--resamples", "100", "--json")).Json;

        var groups = json.GetProperty("attributes")[0].GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["a", "b", "c"], groups.Select(g => g.GetProperty("name").GetString()));
        var a = groups[0].GetProperty("metrics");
        Assert.Equal(0.45, a.GetProperty("mean_score").GetProperty("value").GetDouble(), 9);
        Assert.Equal(0.5, a.GetProperty("selection_rate").GetProperty("value").GetDouble(), 9);
        Assert.Equal("too small for an interval: 5 rows (fewer than 30)", groups[2].GetProperty("metrics").GetProperty("tpr").GetProperty("reason").GetString());
        Assert.Equal(dir.Path("fairness-scored.html"), json.GetProperty("report").GetString());
        Assert.True(File.Exists(dir.Path("fairness-scored.html")));
    }

    public static TheoryData<string[], string> BadCases() => new()
    {
        { ["--positive-when", "score_text = 'Low'", "--sensitive", "race"], "--positive-when: at column 12: '=' is not an operator" },
        { ["--positive-when", "score_text != ", "--sensitive", "race"], "--positive-when: at column 15: expected a column name, a 'string' or a number" },
        { ["--positive-when", "score_txt != 'Low'", "--sensitive", "race"], "--positive-when: at column 1: unknown column 'score_txt'" },
        { ["--positive-when", "score_text != 'Low'", "--sensitive", "ethnicity"], "--sensitive: no column 'ethnicity' in" },
        { ["--score", "decile_score", "--threshold", "0.5", "--sensitive", "race"], "line 3: score column 'decile_score' is 3, outside [0, 1]" },
        { ["--positive-when", "score_text != 'Low'", "--sensitive", "type_of_assessment"], "sensitive column 'type_of_assessment' has a single group ('Risk of Recidivism')" },
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public async Task Fairness_BadInput_ExitsOneWithOneLineNamingTheCause(string[] args, string expected)
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync(dir.Root, ["fairness", "--data", Compas, "--label", "two_year_recid", "--report", dir.Path("r.html"), .. args]);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}

using System.CommandLine;
using Recur.Evaluation.Fairness;
using Recur.Evaluation.Reports;
using Recur.Pipeline;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur fairness --data FILE --label COL (--prediction COL | --score COL --threshold T | --positive-when EXPR) --sensitive COL[,COL]</c>:
/// audits decisions made anywhere, group by group, with intervals, gaps and the four-fifths rule.
/// </summary>
internal static class FairnessCommand
{
    private static readonly string[] Shown = ["selection_rate", "tpr", "fpr", "fnr", "precision", "accuracy"];

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "CSV file with a header row: labels, decisions (or scores) and the sensitive columns", Required = true };
        var label = new Option<string>("--label") { Description = "Column of the true label (0/1, true/false, yes/no, or see --positive)", Required = true };
        var positive = new Option<string?>("--positive") { Description = "The label value that is positive" };
        var prediction = new Option<string?>("--prediction") { Description = "Column of the predicted class (0/1, true/false, yes/no, or see --predicted-positive)" };
        var predictedPositive = new Option<string?>("--predicted-positive") { Description = "The predicted value that is positive" };
        var score = new Option<string?>("--score") { Description = "Column of predicted probabilities in [0, 1] (decides with --threshold; adds calibration)" };
        var threshold = new Option<double?>("--threshold") { Description = "Score at or above which a row is predicted positive (default 0.5)" };
        var when = new Option<string?>("--positive-when") { Description = "Expression true for rows predicted positive, e.g. \"score_text != 'Low'\"" };
        var sensitive = new Option<string>("--sensitive") { Description = "Sensitive column(s), comma-separated", Required = true };
        var intersections = new Option<bool>("--intersections") { Description = "Also audit every intersection of two or more sensitive columns" };
        var minGroup = new Option<int>("--min-group") { Description = "Fewest rows a group needs for an interval and for the gaps", DefaultValueFactory = _ => 30 };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples per interval", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap", DefaultValueFactory = _ => 42 };
        var report = new Option<string?>("--report") { Description = "HTML report path (default: .recur/reports/fairness-NAME.html in a project, else fairness-NAME.html next to the data)" };
        var command = new Command("fairness", "Audit decisions for fairness: rates per group with intervals, gaps between groups, the four-fifths rule")
        {
            data, label, positive, prediction, predictedPositive, score, threshold, when, sensitive, intersections, minGroup, resamples, seed, report,
        };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, ctx =>
        {
            var path = parse.GetValue(data)!;
            var file = AuditFile.Read(Path.GetFullPath(path), path);
            var request = new AuditRequest
            {
                Label = parse.GetValue(label)!, Positive = parse.GetValue(positive),
                Prediction = parse.GetValue(prediction), PredictedPositive = parse.GetValue(predictedPositive),
                Score = parse.GetValue(score), Threshold = parse.GetValue(threshold), PositiveWhen = parse.GetValue(when),
                Sensitive = parse.GetValue(sensitive)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            };
            var options = new FairnessOptions { MinGroup = parse.GetValue(minGroup), Resamples = parse.GetValue(resamples), Seed = parse.GetValue(seed), Intersections = parse.GetValue(intersections) };
            var lens = FairnessLens.Compute(AuditInput.Build(file, request), options);
            var warnings = file.Warnings.Concat(lens.Warnings).ToList();
            foreach (var w in warnings) ctx.Progress("warning: " + w);

            var name = Path.GetFileNameWithoutExtension(path);
            var reportPath = parse.GetValue(report) ?? DefaultReport(ctx.ProjectDir, path, name);
            FairnessHtml.AddTo(new HtmlReport($"Fairness audit: {name}").Paragraph(Describe(request)), lens).Save(reportPath);
            if (ctx.Json)
            {
                ctx.WriteJson(new { data = path, decision = Describe(request), report = reportPath, lens.Rows, lens.Overall, lens.Attributes, lens.Settings, warnings });
                return Task.FromResult(0);
            }
            ctx.Human.WriteLine($"{lens.Rows} rows of {path}; {Describe(request)}");
            foreach (var a in lens.Attributes) Print(ctx, a);
            ctx.Human.WriteLine($"Intervals: 95 % bootstrap, {options.Resamples} resamples within each group (gaps: over all rows), seed {options.Seed}; groups under {options.MinGroup} rows get none.");
            ctx.Human.WriteLine($"Report: {reportPath}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static void Print(CommandContext ctx, AttributeResult a)
    {
        var table = Tables.Of(["group", "n", "selection", "TPR", "FPR", "FNR", "precision", "accuracy"]);
        foreach (var g in a.Groups) table.Row([g.Name, g.Count, .. Shown.Select(m => Compact(g.Metrics[m]))]);
        ctx.Human.WriteLine($"By {a.Name}:");
        ctx.Human.Write(table);
        foreach (var g in a.Groups.Where(g => g.Metrics.Values.Any(e => e.Value is not null && e.Low is null)))
        {
            ctx.Human.WriteLine($"  † {g.Name}: {g.Metrics.Values.First(e => e.Value is not null && e.Low is null).Reason}");
        }
        var ff = a.FourFifths;
        ctx.Human.WriteLine($"  demographic parity gap {FairnessHtml.Cell(a.DemographicParityGap)} ({ff.Highest} vs {ff.Lowest})");
        ctx.Human.WriteLine($"  equalized odds gap     {FairnessHtml.Cell(a.EqualizedOddsGap)}");
        var verdict = ff.Passes is { } p ? p ? "passes" : "FAILS" : "undefined";
        ctx.Human.WriteLine($"  four-fifths ratio      {FairnessHtml.Cell(ff.Ratio)} ({ff.Lowest} / {ff.Highest}): {verdict} at {Tables.Format(ff.Threshold)}");
        foreach (var left in a.Groups.Where(g => !g.InGaps)) ctx.Human.WriteLine($"  left out of the gaps: {left.Name} ({left.Count} rows)");
    }

    // A value with its interval as "0.588 [.574,.604]", so that a table of six metrics fits a terminal.
    private static string Compact(Estimate e)
    {
        static string F(double v) => v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture).Replace("0.", ".", StringComparison.Ordinal);
        if (e.Value is not { } v) return e.Reason ?? "undefined";
        return e.Low is { } lo && e.High is { } hi ? $"{v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)} [{F(lo)},{F(hi)}]" : $"{v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)} †";
    }

    private static string Describe(AuditRequest r) =>
        $"label {r.Label}{(r.Positive is null ? "" : $" == '{r.Positive}'")}; predicted positive when "
        + (r.Prediction is { } p ? $"{p}{(r.PredictedPositive is null ? " is 1/true/yes" : $" == '{r.PredictedPositive}'")}"
            : r.PositiveWhen is { } e ? e
            : $"{r.Score} >= {Tables.Format(r.Threshold ?? 0.5)}")
        + (r.Score is { } s && (r.Prediction is not null || r.PositiveWhen is not null) ? $"; calibration from {s}" : "");

    // Under a project (a folder holding recur.yaml): its reports folder; otherwise next to the data file.
    private static string DefaultReport(string projectDir, string dataPath, string name)
    {
        var file = $"fairness-{name}.html";
        return File.Exists(Path.Combine(projectDir, "recur.yaml"))
            ? Path.Combine(new ProjectLayout(Path.GetFullPath(projectDir)).Reports, file)
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataPath))!, file);
    }
}

using System.CommandLine;
using Recur.Evaluation.Curves;
using Recur.Pipeline.Curves;
using Recur.Pipeline.Reports;

namespace Recur.Cli.Commands;

/// <summary><c>recur learning-curve</c>: one trainer refitted on growing fractions of the training split, with a plain-words diagnosis.</summary>
internal static class LearningCurveCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "The dataset to train on", DefaultValueFactory = _ => "train" };
        var fractions = new Option<string?>("--fractions") { Description = "Fractions of the training split, increasing, each in (0, 1] (default: evaluation.learning_curve.fractions), e.g. 0.1,0.25,0.5,1" };
        var trainer = new Option<string?>("--trainer") { Description = "The trainer to refit (default: the first declared trainer)" };
        var command = new Command("learning-curve", "Refit a trainer on growing fractions of the training split; report the training and validation metric with intervals and a diagnosis") { dataset, fractions, trainer };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            // A bad --fractions is the caller's mistake: reported before the project's data is read.
            var asked = parse.GetValue(fractions) is { } text ? LearningCurveFractions.Parse(text, "--fractions") : null;
            var project = ctx.OpenProject();
            var curve = await LearningCurveRun.RunAsync(project, parse.GetValue(dataset)!, parse.GetValue(trainer), asked, ct);
            var report = ModelReport.WriteLearningCurve(project, curve);
            if (ctx.Json)
            {
                var json = Json(curve);
                ctx.WriteJson(new { metric = json.Metric, trainer = json.Trainer, points = json.Points, diagnosis = json.Diagnosis, baseline = json.Baseline, validation_rows = json.ValidationRows, report });
                return 0;
            }
            var table = Tables.Of("fraction", "rows", $"training {curve.Metric}", "95% interval", $"validation {curve.Metric}", "95% interval", "fit seconds");
            foreach (var p in curve.Points)
            {
                table.Row(p.Fraction, p.Rows, p.Train, $"[{Tables.Format(p.TrainLow)}, {Tables.Format(p.TrainHigh)}]", p.Validation, $"[{Tables.Format(p.ValidationLow)}, {Tables.Format(p.ValidationHigh)}]", Math.Round(p.FitSeconds, 2));
            }
            ctx.Human.Write(table);
            foreach (var d in curve.Diagnosis) ctx.Human.WriteLine(d.Sentence);
            ctx.Human.WriteLine($"report: {report}");
            return 0;
        }));
        return command;
    }

    /// <summary>The curve as its JSON document (also <c>learning_curve</c> in <c>recur train --json</c>).</summary>
    public static CurveJson Json(LearningCurveResult curve) => new(curve.Metric, curve.Trainer,
        [.. curve.Points.Select(p => new PointJson(p.Fraction, p.Rows, p.Train, p.TrainLow, p.TrainHigh, p.Validation, p.ValidationLow, p.ValidationHigh, p.FitSeconds))],
        [.. curve.Diagnosis.Select(d => new FindingJson(d.Verdict, d.Sentence))],
        new BaselineJson(curve.BaselineName, curve.Baseline), curve.ValidationRows);

    internal sealed record CurveJson(string Metric, string Trainer, IReadOnlyList<PointJson> Points, IReadOnlyList<FindingJson> Diagnosis, BaselineJson Baseline, int ValidationRows);

    internal sealed record PointJson(double Fraction, int Rows, double Train, double TrainLow, double TrainHigh, double Validation, double ValidationLow, double ValidationHigh, double FitSeconds);

    internal sealed record FindingJson(string Verdict, string Sentence);

    internal sealed record BaselineJson(string Name, double Value);
}

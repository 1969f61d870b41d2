using System.CommandLine;
using Recur.Evaluation.Anomalies;
using Recur.Pipeline.Anomalies;
using Recur.Pipeline.Windows;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur windows apply FILE</c>: the project's sliding-window features appended to a file of events;
/// <c>recur windows nab PATH</c>: the window z-score detector on NAB streams, with NAB's scores, precision and recall.
/// </summary>
internal static class WindowsCommand
{
    public static Command Create()
    {
        var command = new Command("windows", "Sliding-window features (features.windows) and the NAB anomaly benchmark");
        command.Subcommands.Add(Apply());
        command.Subcommands.Add(Nab());
        return command;
    }

    private static Command Apply()
    {
        var file = new Argument<string>("file") { Description = "A file of events (csv, tsv, jsonl, parquet) with the time, entity and value columns" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the CSV here instead of stdout" };
        var command = new Command("apply", "Append the window features declared in features.windows to every row (the batch driver: the same numbers a live request would get)") { file, output };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var (table, seconds) = await WindowedFile.ApplyAsync(project, parse.GetValue(file)!, ct);
            var names = project.Config.Features.Windows!.Features.Select(f => f.Name).ToList();
            var path = parse.GetValue(output);
            if (ctx.Json)
            {
                if (path is not null) WindowedFile.Write(table, path, Console.Out);
                var missing = names.ToDictionary(n => n, n => Enumerable.Range(0, table.RowCount).Count(r => table[n].IsMissing(r)));
                ctx.WriteJson(new { rows = table.RowCount, features = names, missing, output = path, compute_seconds = seconds });
                return 0;
            }
            WindowedFile.Write(table, path, Console.Out);
            if (path is not null) ctx.Human.WriteLine($"{table.RowCount} rows with {names.Count} window features written to {path}");
            return 0;
        }));
        return command;
    }

    private static Command Nab()
    {
        var path = new Argument<string>("path") { Description = "A NAB folder (data/, labels/, config/) or one stream file under its data/ folder" };
        var labels = new Option<string?>("--labels") { Description = "The windows file (default: labels/combined_windows.json of the NAB folder)" };
        var profiles = new Option<string?>("--profiles") { Description = "The profiles file (default: config/profiles.json of the NAB folder, else NAB's published weights)" };
        var over = new Option<string>("--over") { Description = "The trailing window the value is compared with", DefaultValueFactory = _ => "1d" };
        var threshold = new Option<double>("--threshold") { Description = "Smallest |z| that is a detection", DefaultValueFactory = _ => 4.0 };
        var cooldown = new Option<string>("--cooldown") { Description = "After a detection, no other within this time", DefaultValueFactory = _ => "1d" };
        var command = new Command("nab", "Detect anomalies with the window z-score and score them as NAB does (standard, low-FP and low-FN profiles), with precision and recall") { path, labels, profiles, over, threshold, cooldown };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var detector = new ZScoreDetectorOptions(parse.GetValue(over)!, parse.GetValue(threshold), parse.GetValue(cooldown)!);
            var result = await NabBenchmark.RunAsync(parse.GetValue(path)!, detector, parse.GetValue(labels), parse.GetValue(profiles), ct);
            var precision = result.Precision;
            var recall = result.Recall;
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    detector = new { kind = "window_zscore", over = detector.Over, threshold = detector.Threshold, cooldown = detector.Cooldown },
                    streams = result.Streams.Select(s => new
                    {
                        stream = s.Stream, rows = s.Rows, probation_rows = s.ProbationRows,
                        windows = s.Scores[0].Windows, detected_windows = s.Scores[0].DetectedWindows,
                        detections = s.Scores[0].Detections, false_positives = s.Scores[0].FalsePositives,
                        scores = Scores(s.Scores),
                    }),
                    total = new
                    {
                        windows = result.Totals[0].Windows, detected_windows = result.Totals[0].DetectedWindows,
                        detections = result.Totals[0].Detections, false_positives = result.Totals[0].FalsePositives,
                        scores = Scores(result.Totals),
                        precision = new { value = precision.Value, low = precision.Low, high = precision.High },
                        recall = new { value = recall.Value, low = recall.Low, high = recall.High },
                    },
                });
                return 0;
            }
            var names = result.Totals.Select(t => t.Profile).ToList();
            var table = Tables.Of(["stream", "rows", "windows", "found", "detections", "FP", .. names.Select(Short)]);
            foreach (var s in result.Streams)
            {
                table.Row([Path.GetFileNameWithoutExtension(s.Stream), s.Rows, s.Scores[0].Windows, s.Scores[0].DetectedWindows, s.Scores[0].Detections, s.Scores[0].FalsePositives, .. s.Scores.Select(x => (object)Score(x))]);
            }
            var t0 = result.Totals[0];
            table.Row(["total", result.Streams.Sum(s => s.Rows), t0.Windows, t0.DetectedWindows, t0.Detections, t0.FalsePositives, .. result.Totals.Select(x => (object)Score(x))]);
            ctx.Human.Write(table);
            ctx.Human.WriteLine($"found: windows with a detection; FP: detections outside every window. Window z-score over {detector.Over}, |z| >= {Tables.Format(detector.Threshold)}, cooldown {detector.Cooldown}; the first 15 % of each stream is probationary");
            ctx.Human.WriteLine($"precision {Tables.Format(precision.Value)} [{Tables.Format(precision.Low)}, {Tables.Format(precision.High)}] (detections inside a window), recall {Tables.Format(recall.Value)} [{Tables.Format(recall.Low)}, {Tables.Format(recall.High)}] (windows detected); 95 % Wilson intervals");
            return 0;
        }));
        return command;
    }

    // reward_low_FP_rate → low FP: the table must fit a terminal.
    private static string Short(string profile) => profile.StartsWith("reward_", StringComparison.Ordinal) ? profile["reward_".Length..].Replace("_rate", "", StringComparison.Ordinal).Replace('_', ' ') : profile;

    private static string Score(NabScore score) => score.Normalised.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, double> Scores(IReadOnlyList<NabScore> scores) => scores.ToDictionary(s => s.Profile, s => s.Normalised);
}

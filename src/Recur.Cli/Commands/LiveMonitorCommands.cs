using System.CommandLine;
using System.Globalization;
using Recur.Core;
using Recur.Monitoring.Estimation;
using Recur.Monitoring.Live;
using Recur.Pipeline.Live;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur monitor performance</c> (live metrics per version over windows, per group) and <c>recur monitor estimate</c>
/// (label-free estimates beside the realised values), added under <c>recur monitor</c>.
/// </summary>
internal static class LiveMonitorCommands
{
    /// <summary>Adds the two subcommands to the root's <c>monitor</c> command.</summary>
    public static void AddTo(RootCommand root)
    {
        var monitor = root.Subcommands.Single(c => c.Name == "monitor");
        monitor.Subcommands.Add(Performance());
        monitor.Subcommands.Add(Estimate());
    }

    private sealed record Shared(Option<string> Window, Option<int?> Version, Option<string?> Since, Option<string?> Until)
    {
        public static Shared Create() => new(
            new Option<string>("--window") { Description = "1h, 1d, 30m… (clock windows by prediction time), N (blocks of N predictions), or all", DefaultValueFactory = _ => "1d" },
            new Option<int?>("--version") { Description = "Only this model version (default: every version in the log)" },
            new Option<string?>("--since") { Description = "Only predictions logged at or after this ISO-8601 time" },
            new Option<string?>("--until") { Description = "Only predictions logged before this ISO-8601 time" });

        public void AddTo(Command command)
        {
            command.Options.Add(Window);
            command.Options.Add(Version);
            command.Options.Add(Since);
            command.Options.Add(Until);
        }

        public (PerformanceWindow, LiveSelection) Read(ParseResult parse) =>
            (PerformanceWindow.Parse(parse.GetValue(Window)!), new LiveSelection(Time(parse.GetValue(Since), "--since"), Time(parse.GetValue(Until), "--until"), parse.GetValue(Version)));
    }

    private static Command Performance()
    {
        var shared = Shared.Create();
        var by = new Option<string[]>("--by") { Description = "A logged input column to measure per group (repeatable; default: the sensitive: columns that are model inputs)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("performance", "Live metrics per model version over windows, each with its interval, and per group of the sensitive columns") { by };
        shared.AddTo(command);
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var (window, selection) = shared.Read(parse);
            var groups = parse.GetValue(by) is { Length: > 0 } b ? b : null;
            var report = await LivePerformanceStep.ComputeAsync(project, window, selection, groups, ct);
            if (ctx.Json)
            {
                ctx.WriteJson(report);
                return 0;
            }
            if (report.Windows.Count == 0) ctx.Human.WriteLine("nothing logged in the selection");
            foreach (var w in report.Windows)
            {
                var head = $"v{w.Version} {w.Start:yyyy-MM-dd HH:mm}–{w.End:yyyy-MM-dd HH:mm}: {w.Rows} predictions, {w.Labelled} labelled";
                ctx.Human.WriteLine(w.Status == LivePerformance.Ok ? $"{head}: {Metrics(w.Metrics)}" : $"{head}: insufficient data (fewer than {report.MinLabelled} labelled)");
                foreach (var f in w.Fairness)
                {
                    foreach (var g in f.Groups)
                    {
                        ctx.Human.WriteLine($"    {f.Column}={g.Group}: {g.Rows} rows, {g.Labelled} labelled" + (g.Metric is { } m ? $", {Metric(m)}" : ", insufficient data")
                            + (g.SelectionRate is { } s ? $", {Metric(s)}" : ""));
                    }
                    if (f.MetricGap is { } gap) ctx.Human.WriteLine($"    worst-group {Metric(gap)}");
                    if (f.SelectionRateGap is { } sel) ctx.Human.WriteLine($"    worst-group {Metric(sel)}");
                }
            }
            return 0;
        }));
        return command;
    }

    private static Command Estimate()
    {
        var shared = Shared.Create();
        var command = new Command("estimate", "Label-free performance per window (CBPE for classification, an error model for regression), beside the realised value once labels came");
        shared.AddTo(command);
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var (window, selection) = shared.Read(parse);
            var report = await PerformanceEstimationStep.EstimateAsync(project, window, selection, ct);
            if (ctx.Json)
            {
                ctx.WriteJson(report);
                return 0;
            }
            foreach (var b in report.Bases)
            {
                var calibration = b.Calibration is { } c ? $", calibration error {c.ExpectedCalibrationError:0.000} on {c.Rows} validation rows" : b.ErrorModelRows is { } n ? $", error model from {n} validation rows" : "";
                ctx.Human.WriteLine($"v{b.Version}: {b.Method}{calibration}" + (b.Warning is { } w ? $" — WARNING: {w}" : ""));
            }
            foreach (var w in report.Windows)
            {
                ctx.Human.WriteLine($"v{w.Version} {w.Start:yyyy-MM-dd HH:mm}–{w.End:yyyy-MM-dd HH:mm}: {w.Rows} predictions, {w.Labelled} labelled");
                foreach (var m in w.Metrics)
                {
                    var realised = m.Realised is { } r ? $"realised {Metric(r)} — {(m.Inside == true ? "inside" : "OUTSIDE")} the estimate's interval" : "realised: not yet (too few labels)";
                    ctx.Human.WriteLine($"    estimated {Metric(m.Estimate)}; {realised}");
                }
            }
            if (report.Compared > 0) ctx.Human.WriteLine($"{report.Inside} of {report.Compared} realised values fell inside the estimate's 95 % interval");
            return 0;
        }));
        return command;
    }

    private static string Metrics(IReadOnlyList<MetricValue> metrics) => string.Join(", ", metrics.Select(Metric));

    private static string Metric(MetricValue m) => string.Create(CultureInfo.InvariantCulture, $"{m.Name} {m.Value:0.###} [{m.Low:0.###}, {m.High:0.###}]");

    private static DateTimeOffset? Time(string? text, string option) => text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
        : throw RecurException.Invalid($"{option}: '{text}' is not an ISO-8601 time", option);
}

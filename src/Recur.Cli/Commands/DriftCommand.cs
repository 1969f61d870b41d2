using System.CommandLine;
using System.Globalization;
using Recur.Core;
using Recur.Monitoring.Drift;
using Recur.Pipeline;
using Recur.Pipeline.Drift;

namespace Recur.Cli.Commands;

/// <summary><c>recur drift REFERENCE CURRENT</c>: drift per column between any two datasets (files or snapshots).</summary>
internal static class DriftCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "The reference: a CSV/TSV/JSON Lines/Parquet file, a dataset name (its newest snapshot) or a snapshot id" };
        var current = new Argument<string>("current") { Description = "The data compared against it, the same kinds of source" };
        var columns = new Option<string?>("--columns") { Description = "Columns to compare, comma-separated (default: every column both sides share, minus the key)" };
        var correction = new Option<string?>("--correction") { Description = "Multiple-testing correction for p-value tests: bonferroni, bh (Benjamini–Hochberg) or none (default: monitoring.correction)" };
        var threshold = new Option<string[]>("--threshold") { Description = "A threshold for every column (VALUE) or one column (COLUMN=VALUE, repeatable): a significance level for tests, a distance for distances" };
        var test = new Option<string[]>("--test") { Description = "COLUMN=TEST, repeatable: ks, wasserstein, chi_square, jensen_shannon, psi or z_test" };
        var every = new Option<bool>("--all-tests") { Description = "Also compute every test that applies to each column (the verdict stays the chosen test's)" };
        var command = new Command("drift", "Drift per column between two datasets: tests, PSI bands, and the dataset drift share") { reference, current, columns, correction, threshold, test, every };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var (all, perColumn) = Thresholds(parse.GetValue(threshold) ?? []);
            var request = new DriftRequest(
                parse.GetValue(reference)!,
                parse.GetValue(current)!,
                parse.GetValue(columns) is { } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
                parse.GetValue(correction),
                all,
                perColumn,
                Pairs(parse.GetValue(test) ?? [], "--test", "COLUMN=TEST"),
                parse.GetValue(every));
            var project = File.Exists(Path.Combine(ctx.ProjectDir, RecurProject.FileName)) ? ctx.OpenProject() : null;
            var result = await DatasetDrift.CompareAsync(project, request, ct);
            if (ctx.Json)
            {
                ctx.WriteJson(Json(result));
                return 0;
            }
            Write(ctx, result);
            return 0;
        }));
        return command;
    }

    private static object Json(DriftComparison result)
    {
        var r = result.Report;
        return new
        {
            reference = result.Reference,
            current = result.Current,
            correction = r.Correction,
            columns = r.Features.Select(f => new
            {
                column = f.Feature, type = f.Type, test = f.Test, status = f.Status,
                statistic = double.IsNaN(f.Statistic) ? (double?)null : f.Statistic,
                p_value = f.PValue, threshold = f.Threshold, drifted = f.Drifted,
                psi = f.Psi, psi_band = f.PsiBand,
                reference_count = f.ReferenceCount, current_count = f.CurrentCount,
                reason = f.Reason, statistics = f.Statistics,
            }),
            judged = r.Judged,
            not_judged = r.NotJudged,
            drifted = r.Features.Count(f => f.Drifted),
            drift_share = r.DriftedShare,
            dataset_drift = r.DatasetDrift,
            verdict = Verdict(r),
            only_in_reference = result.OnlyInReference,
            only_in_current = result.OnlyInCurrent,
            identifiers = result.Identifiers,
            seconds = new { read = result.ReadTime.TotalSeconds, statistics = result.StatisticsTime.TotalSeconds, statistics_cpu = result.StatisticsCpuTime.TotalSeconds },
        };
    }

    private static string Verdict(DriftReport r) => r.Judged == 0 ? "not_judged" : r.DatasetDrift ? "drift" : "no_drift";

    private static void Write(CommandContext ctx, DriftComparison result)
    {
        var r = result.Report;
        ctx.Human.WriteLine($"reference: {result.Reference.Source}, {result.Reference.Rows} rows; current: {result.Current.Source}, {result.Current.Rows} rows");
        foreach (var side in new[] { result.Reference, result.Current }.Where(s => s.Quarantined > 0))
        {
            ctx.Human.WriteLine($"  {side.Source}: {side.Quarantined} malformed rows set aside, not compared");
        }
        var table = Tables.Of("column", "type", "test", "statistic", "p-value", "threshold", "drifted", "PSI", "band", "n ref", "n cur");
        foreach (var f in r.Features)
        {
            table.Row(f.Feature, f.Type, f.Test, f.Status == FeatureDrift.Judged ? f.Statistic : "insufficient data", f.PValue, f.Threshold,
                f.Status == FeatureDrift.Judged ? f.Drifted : "-", f.Psi, f.PsiBand, f.ReferenceCount, f.CurrentCount);
        }
        ctx.Human.Write(table);
        foreach (var f in r.Features.Where(f => f.Reason is not null)) ctx.Human.WriteLine($"  {f.Feature}: not judged: {f.Reason}");
        if (result.OnlyInReference.Count > 0) ctx.Human.WriteLine($"only in the reference (not compared): {string.Join(", ", result.OnlyInReference)}");
        if (result.OnlyInCurrent.Count > 0) ctx.Human.WriteLine($"only in the current data (not compared): {string.Join(", ", result.OnlyInCurrent)}");
        if (result.Identifiers.Count > 0) ctx.Human.WriteLine($"left out as identifiers (every reference value distinct; name them in --columns to compare): {string.Join(", ", result.Identifiers)}");
        var share = r.DriftedShare.ToString("0.##", CultureInfo.InvariantCulture);
        var notJudged = r.NotJudged > 0 ? $"; {r.NotJudged} not judged (insufficient data)" : "";
        ctx.Human.WriteLine($"{r.Features.Count(f => f.Drifted)} of {r.Judged} judged columns drifted (share {share}, correction {r.Correction}){notJudged}: " +
            (Verdict(r) switch { "drift" => "DATASET DRIFT", "no_drift" => "no dataset drift", _ => "nothing could be judged" }));
    }

    // "0.05" applies to every column; "age=0.2" to one.
    private static (double? All, Dictionary<string, double> PerColumn) Thresholds(string[] values)
    {
        double? all = null;
        var perColumn = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var at = value.IndexOf('=', StringComparison.Ordinal);
            var number = at < 0 ? value : value[(at + 1)..];
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                throw RecurException.Invalid($"--threshold {value}: '{number}' is not a number (give VALUE or COLUMN=VALUE)", "--threshold");
            }
            if (at < 0) all = parsed;
            else perColumn[value[..at].Trim()] = parsed;
        }
        return (all, perColumn);
    }

    private static Dictionary<string, string> Pairs(string[] values, string option, string shape)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var at = value.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == value.Length - 1) throw RecurException.Invalid($"{option} {value}: expected {shape}", option);
            pairs[value[..at].Trim()] = value[(at + 1)..].Trim();
        }
        return pairs;
    }
}

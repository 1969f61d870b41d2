using System.CommandLine;
using System.Text;
using Recur.Lake.Profiling;
using Recur.Pipeline;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur profile SNAPSHOT [--split train] [--html FILE]</c>: per-column statistics. With the default
/// bins and top values the profile is stored next to the snapshot and read back on later runs; the
/// training split's profile is the reference drift detection compares against.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create()
    {
        var snapshot = new Argument<string>("snapshot") { Description = "A snapshot id (or prefix), or a dataset name for its newest snapshot" };
        var split = new Option<string>("--split") { Description = "Profile all rows, or the training split under recur.yaml's split (what drift is measured against)", DefaultValueFactory = _ => ProfileStep.All };
        split.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not (ProfileStep.All or ProfileStep.Train) and var value) result.AddError($"--split: '{value}' is not a part to profile (use all or train)");
        });
        var html = new Option<string?>("--html") { Description = "Also write an HTML page with the histograms (default: .recur/reports/profile-<id>.html)" };
        var bins = new Option<int>("--bins") { Description = "Histogram bins for numeric columns (other than 20: computed, not stored)", DefaultValueFactory = _ => 20 };
        var top = new Option<int>("--top") { Description = "Most frequent values listed per column (other than 10: computed, not stored)", DefaultValueFactory = _ => 10 };
        var command = new Command("profile", "Profile a snapshot: count, missing, distinct, quantiles, histogram, top values and the drift reference per column") { snapshot, split, html, bins, top };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var s = await project.ResolveSnapshotAsync(parse.GetValue(snapshot)!, ct);
            var part = parse.GetValue(split)!;
            var options = new ProfileOptions(parse.GetValue(bins), parse.GetValue(top));
            options.Validate();
            var stored = options == new ProfileOptions()
                ? part == ProfileStep.Train ? await ProfileStep.TrainingSplitAsync(project, s, null, ct) : await ProfileStep.SnapshotAsync(project, s, ct)
                : null;
            var profile = stored?.Stored.Profile ?? (part == ProfileStep.Train
                ? Profiler.Profile(await TrainingRowsAsync(project, s, ct), options)
                : await Profiler.ProfileAsync(project.ReadBatchesAsync(s, ct), s.Schema, options, ct));

            var name = part == ProfileStep.Train ? $"profile-{s.Id[..12]}-train.html" : $"profile-{s.Id[..12]}.html";
            var page = project.Resolve(parse.GetValue(html) ?? Path.Combine(".recur", "reports", name));
            Directory.CreateDirectory(Path.GetDirectoryName(page)!);
            var title = part == ProfileStep.Train ? $"Profile of {s.Dataset} ({s.Id[..12]}), training split" : $"Profile of {s.Dataset} ({s.Id[..12]})";
            await File.WriteAllTextAsync(page + ".tmp", ProfileHtml.Render(profile, title), Encoding.UTF8, ct);
            File.Move(page + ".tmp", page, overwrite: true);
            if (ctx.Json)
            {
                ctx.WriteJson(new { snapshot = s.Id, dataset = s.Dataset, split = part, html = page, profile_file = stored?.Path, reused = stored?.Reused ?? false, profile.Rows, profile.Columns });
                return 0;
            }
            var table = Tables.Of("column", "type", "missing", "distinct", "min", "median", "max", "top value");
            foreach (var c in profile.Columns)
            {
                table.Row(c.Name, c.Type, $"{c.MissingRate:P1}", c.Distinct, c.Numeric?.Min, c.Numeric?.P50, c.Numeric?.Max,
                    c.TopValues.Count > 0 ? $"{c.TopValues[0].Value} ({c.TopValues[0].Count})" : "");
            }
            ctx.Human.Write(table);
            ctx.Human.WriteLine($"{profile.Rows} rows; page: {page}");
            if (stored is not null) ctx.Human.WriteLine($"{(stored.Reused ? "stored profile read from" : "profile stored in")} {stored.Path}");
            return 0;
        }));
        return command;
    }

    // Only for options other than the defaults, whose profiles are not stored. The split needs every row.
    private static async Task<Core.Data.DataTable> TrainingRowsAsync(RecurProject project, Core.Lake.SnapshotInfo snapshot, CancellationToken ct)
    {
        var table = await project.ReadAsync(snapshot, ct);
        return table.Take(TrainingRun.SplitRows(project.Config, table).Train);
    }
}

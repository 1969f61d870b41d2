using System.CommandLine;
using System.Text;
using Recur.Lake.Profiling;

namespace Recur.Cli.Commands;

/// <summary><c>recur profile SNAPSHOT [--html FILE]</c>: per-column statistics, the reference drift detection compares against.</summary>
internal static class ProfileCommand
{
    public static Command Create()
    {
        var snapshot = new Argument<string>("snapshot") { Description = "A snapshot id (or prefix), or a dataset name for its newest snapshot" };
        var html = new Option<string?>("--html") { Description = "Also write an HTML page with the histograms (default: .recur/reports/profile-<id>.html)" };
        var bins = new Option<int>("--bins") { Description = "Histogram bins for numeric columns", DefaultValueFactory = _ => 20 };
        var top = new Option<int>("--top") { Description = "Most frequent values listed per column", DefaultValueFactory = _ => 10 };
        var command = new Command("profile", "Profile a snapshot: count, missing, distinct, quantiles, histogram and top values per column") { snapshot, html, bins, top };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var s = await project.ResolveSnapshotAsync(parse.GetValue(snapshot)!, ct);
            var profile = Profiler.Profile(await project.ReadAsync(s, ct), new ProfileOptions(parse.GetValue(bins), parse.GetValue(top)));
            var page = project.Resolve(parse.GetValue(html) ?? Path.Combine(".recur", "reports", $"profile-{s.Id[..12]}.html"));
            Directory.CreateDirectory(Path.GetDirectoryName(page)!);
            await File.WriteAllTextAsync(page + ".tmp", ProfileHtml.Render(profile, $"Profile of {s.Dataset} ({s.Id[..12]})"), Encoding.UTF8, ct);
            File.Move(page + ".tmp", page, overwrite: true);
            if (ctx.Json) { ctx.WriteJson(new { snapshot = s.Id, dataset = s.Dataset, html = page, profile.Rows, profile.Columns }); return 0; }
            var table = Tables.Of("column", "type", "missing", "distinct", "min", "median", "max", "top value");
            foreach (var c in profile.Columns)
            {
                table.Row(c.Name, c.Type, $"{c.MissingRate:P1}", c.Distinct, c.Numeric?.Min, c.Numeric?.P50, c.Numeric?.Max,
                    c.TopValues.Count > 0 ? $"{c.TopValues[0].Value} ({c.TopValues[0].Count})" : "");
            }
            ctx.Human.Write(table);
            ctx.Human.WriteLine($"{profile.Rows} rows; page: {page}");
            return 0;
        }));
        return command;
    }
}

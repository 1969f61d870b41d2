using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Coordination;

namespace Recur.Cli.Commands;

/// <summary><c>recur jobs list</c>: the project's jobs in the store — kind, status, attempts, worker, times, result or error.</summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "Only the newest N jobs", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List the project's jobs, newest first") { limit };
        list.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            if (parse.GetValue(limit) < 1) throw Core.RecurException.Invalid($"--limit must be at least 1, not {parse.GetValue(limit)}", "--limit");
            var project = ctx.OpenProject();
            var jobs = await project.Services.GetRequiredService<IJobQueue>().ListAsync(project.Config.Name, parse.GetValue(limit), ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = project.Config.Name, jobs = jobs.Select(Row) });
                return 0;
            }
            var table = Tables.Of("job", "kind", "status", "attempts", "worker", "queued", "started", "finished", "result / error");
            foreach (var j in jobs)
            {
                table.Row(j.Id, j.Kind, j.Status, $"{j.Attempts}/{j.MaxAttempts}", j.Worker ?? "", Time(j.EnqueuedAt), Time(j.StartedAt), Time(j.FinishedAt),
                    Shorten(j.Error ?? j.ResultJson ?? ""));
            }
            ctx.Human.Write(table);
            if (jobs.Count == 0) ctx.Human.WriteLine("no jobs yet (the loop queues retrains with loop.retrain_in: worker)");
            return 0;
        }));
        return new Command("jobs", "The project's jobs for recur worker (see loop.retrain_in)") { list };
    }

    /// <summary>A job as JSON output.</summary>
    public static object Row(JobRecord j) => new
    {
        id = j.Id, kind = j.Kind, model = j.Model, status = j.Status, attempts = j.Attempts, max_attempts = j.MaxAttempts, worker = j.Worker,
        enqueued_at = j.EnqueuedAt, started_at = j.StartedAt, lease_until = j.LeaseUntil, finished_at = j.FinishedAt,
        payload = Parse(j.PayloadJson), result = Parse(j.ResultJson), error = j.Error,
    };

    /// <summary>A job in one line.</summary>
    public static string Line(JobRecord j) =>
        $"job {j.Id} ({j.Kind}): {j.Status} after {j.Attempts} attempt(s)" + (j.Error is { } e ? $": {e}" : j.ResultJson is { } r ? $": {Shorten(r)}" : "");

    private static System.Text.Json.JsonElement? Parse(string? json)
    {
        if (json is null) return null;
        try
        {
            return System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}

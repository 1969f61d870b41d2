using System.CommandLine;
using Recur.Core.Coordination;
using Recur.Core.Project;
using Recur.Pipeline.Jobs;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur worker</c>: takes the project's jobs from the store (the loop's retrains under <c>loop.retrain_in: worker</c>) and
/// runs them, so training never runs inside a serving replica; <c>--once</c> runs the jobs that are ready and exits.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Run the jobs ready now, then exit" };
        var poll = new Option<string>("--poll") { Description = "How often an idle worker looks for a job (e.g. 1s, 1m)", DefaultValueFactory = _ => "1s" };
        var lease = new Option<string>("--lease") { Description = "How long a claimed job stays this worker's without a heartbeat (heartbeats every third); a killed worker's job is claimed again after it", DefaultValueFactory = _ => "30s" };
        var command = new Command("worker", "Run the project's jobs from the store (the loop's retrains with loop.retrain_in: worker) until Ctrl+C") { once, poll, lease };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var every = LoopDuration.Parse(parse.GetValue(poll), "--poll");
            var claim = LoopDuration.Parse(parse.GetValue(lease), "--lease");
            var project = ctx.OpenProject();
            var worker = new JobWorker(project) { Lease = claim };
            var ran = new List<JobRecord>();
            if (parse.GetValue(once))
            {
                while (await worker.RunOneAsync(ct) is { } job) ran.Add(job);
            }
            else
            {
                ctx.Progress($"worker {worker.Name} of '{project.Config.Name}': looking for jobs every {parse.GetValue(poll)}; Ctrl+C stops");
                await worker.RunAsync(every, job =>
                {
                    ran.Add(job);
                    if (!ctx.Json) ctx.Human.WriteLine(JobsCommand.Line(job));
                }, ct);
            }
            if (ctx.Json)
            {
                ctx.WriteJson(new { worker = worker.Name, jobs = ran.Select(JobsCommand.Row) });
                return 0;
            }
            if (parse.GetValue(once))
            {
                foreach (var job in ran) ctx.Human.WriteLine(JobsCommand.Line(job));
                if (ran.Count == 0) ctx.Human.WriteLine("no job ready");
            }
            return ran.Any(j => j.Status == JobStatus.Failed) && parse.GetValue(once) ? CommandContext.Failed : 0;
        }));
        return command;
    }
}

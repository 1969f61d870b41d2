using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Coordination;
using Recur.Core.Data;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Pipeline;
using Recur.Pipeline.Jobs;
using Recur.Pipeline.Loop;
using Recur.Pipeline.Steps;

using Recur.Tests.Pipeline.Loop;

namespace Recur.Tests.Pipeline.Jobs;

public sealed class RetrainInWorkerTests
{
    private static readonly string Yaml = LoopTestProject.Yaml("""
        retrain_in: worker
        min_interval: 1h
        triggers:
          drift: ~
          new_labels: {rows: 20}
        canary: {enabled: false}
        """);

    [Fact]
    public async Task LoopTick_RetrainInWorker_QueuesAJobWaitsThenTakesUpTheWorkersCandidate()
    {
        using var dir = new TempDir();
        var (project, table) = await LoopTestProject.TrainedAsync(dir, Yaml);
        await LogWithFeedbackAsync(project, table, 50);

        var queued = await LoopTick.RunAsync(project, "test");
        var waiting = await LoopTick.RunAsync(project, "test");

        Assert.Equal("retrain_queued", queued.Action);
        Assert.DoesNotContain(queued.Records, r => r.Step == LoopSteps.Retrained);
        Assert.Single(await project.Registry.ListAsync("adult"));
        Assert.Equal("retrain_pending", waiting.Action);
        var jobs = project.Services.GetRequiredService<IJobQueue>();
        var job = Assert.Single(await jobs.ListAsync("adult"));
        Assert.Equal((JobKinds.Retrain, JobStatus.Queued), (job.Kind, job.Status));

        var worker = new JobWorker(RecurProject.Open(dir.Root), "worker-1");
        var ran = await worker.RunOneAsync(CancellationToken.None);
        Assert.Null(await worker.RunOneAsync(CancellationToken.None));

        Assert.Equal((job.Id, JobStatus.Done, "worker-1"), (ran!.Id, ran.Status, ran.Worker));
        Assert.Equal(2, RetrainResult.Parse(ran.Id, ran.ResultJson).Candidate);
        Assert.Contains(await project.Runs.ListAsync("adult"), r => r.Kind == "retrain");
        var followed = await LoopTick.RunAsync(project, "test");
        Assert.Equal("promoted", followed.Action);
        var retrained = followed.Records.Single(r => r.Step == LoopSteps.Retrained);
        Assert.Equal((2, (double)job.Id), (retrained.Version, retrained.Numbers["job"]));
        Assert.Equal(2, (await project.Registry.ResolveAliasAsync("adult", TrainingRun.ChampionAlias))!.Version);

        var after = await LoopTick.RunAsync(project, "test");
        Assert.Equal("none", after.Action);
        Assert.Single(await jobs.ListAsync("adult"));
    }

    // Logs rows as served by the champion now, and posts their true labels.
    private static async Task LogWithFeedbackAsync(RecurProject project, DataTable table, int count)
    {
        var at = DateTimeOffset.UtcNow;
        var inputs = table.Columns.Where(c => c.Name is not ("income" or "id" or "fnlwgt")).ToList();
        var records = Enumerable.Range(0, count).Select(r => new PredictionRecord(
            table["id"].Format(r)!, "adult", 1, at, JsonSerializer.Serialize(inputs.ToDictionary(c => c.Name, c => c is NumericColumn n ? (object)n.Values[r] : ((TextColumn)c).Values[r])),
            "<=50K", 0.3)).ToList();
        await project.Log.AppendAsync(records);
        await project.Feedback.AddAsync([.. Enumerable.Range(0, count).Select(r => new FeedbackRecord(table["id"].Format(r)!, table["income"].Format(r)!, at))]);
    }
}

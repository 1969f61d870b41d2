using System.Collections.Concurrent;
using Recur.Core.Coordination;

namespace Recur.Tests.Storage.Compliance;

/// <summary>What every <see cref="IJobQueue"/> must do; a backend's test class supplies queues on a real backend.</summary>
public abstract class JobQueueCompliance
{
    /// <summary>A new, empty queue (a fresh file or schema).</summary>
    protected abstract IJobQueue NewQueue();

    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private static readonly string[] Any = [];

    [Fact]
    public async Task ClaimAsync_Empty_IsNull()
    {
        Assert.Null(await NewQueue().ClaimAsync("w1", "m", Long, Any));
    }

    [Fact]
    public async Task ClaimAsync_TwoQueued_TakesTheOldestAndCountsTheAttempt()
    {
        var jobs = NewQueue();
        var first = await jobs.EnqueueAsync(new NewJob("retrain", "m", """{"tick":1}"""));
        await jobs.EnqueueAsync(new NewJob("retrain", "m", """{"tick":2}"""));
        Assert.Equal((JobStatus.Queued, 0, null), (first.Status, first.Attempts, first.Worker));

        var claimed = await jobs.ClaimAsync("w1", "m", Long, ["retrain"]);

        Assert.Equal(first.Id, claimed!.Id);
        Assert.Equal((JobStatus.Running, 1, "w1"), (claimed.Status, claimed.Attempts, claimed.Worker));
        Assert.Equal("""{"tick":1}""", claimed.PayloadJson);
        Assert.True(claimed.LeaseUntil > claimed.StartedAt);
    }

    [Fact]
    public async Task ClaimAsync_OtherModel_IsLeft()
    {
        var jobs = NewQueue();
        await jobs.EnqueueAsync(new NewJob("retrain", "other", "{}"));

        Assert.Null(await jobs.ClaimAsync("w1", "m", Long, Any));
        Assert.Equal("other", (await jobs.ClaimAsync("w1", "other", Long, Any))!.Model);
    }

    [Fact]
    public async Task ClaimAsync_OtherKind_IsLeft()
    {
        var jobs = NewQueue();
        await jobs.EnqueueAsync(new NewJob("backtest", "m", "{}"));

        Assert.Null(await jobs.ClaimAsync("w1", "m", Long, ["retrain"]));
        Assert.Equal("backtest", (await jobs.ClaimAsync("w1", "m", Long, Any))!.Kind);
    }

    [Fact]
    public async Task CompleteAsync_ByTheHolder_StoresTheResult()
    {
        var jobs = NewQueue();
        var job = await jobs.EnqueueAsync(new NewJob("retrain", "m", "{}"));
        await jobs.ClaimAsync("w1", "m", Long, Any);

        Assert.False(await jobs.CompleteAsync(job.Id, "w2", """{"candidate":2}"""));
        Assert.True(await jobs.CompleteAsync(job.Id, "w1", """{"candidate":2}"""));

        var done = await jobs.FindAsync(job.Id);
        Assert.Equal((JobStatus.Done, """{"candidate":2}"""), (done!.Status, done.ResultJson));
        Assert.NotNull(done.FinishedAt);
        Assert.Null(await jobs.ClaimAsync("w2", "m", Long, Any));
    }

    [Fact]
    public async Task FailAsync_ByTheHolder_IsFinal()
    {
        var jobs = NewQueue();
        var job = await jobs.EnqueueAsync(new NewJob("retrain", "m", "{}"));
        await jobs.ClaimAsync("w1", "m", Long, Any);

        Assert.True(await jobs.FailAsync(job.Id, "w1", "no feedback yet"));

        var failed = await jobs.FindAsync(job.Id);
        Assert.Equal((JobStatus.Failed, "no feedback yet"), (failed!.Status, failed.Error));
        Assert.Null(await jobs.ClaimAsync("w1", "m", Long, Any));
    }

    [Fact]
    public async Task ClaimAsync_WorkerDied_ReclaimedAfterTheLeaseAndTheDeadWorkerIsRefused()
    {
        var jobs = NewQueue();
        var job = await jobs.EnqueueAsync(new NewJob("retrain", "m", "{}"));
        await jobs.ClaimAsync("dead", "m", TimeSpan.FromMilliseconds(200), Any);
        Assert.Null(await jobs.ClaimAsync("w2", "m", Long, Any));
        await Task.Delay(500);

        var again = await jobs.ClaimAsync("w2", "m", Long, Any);

        Assert.Equal((job.Id, 2, "w2"), (again!.Id, again.Attempts, again.Worker));
        Assert.False(await jobs.HeartbeatAsync(job.Id, "dead", Long));
        Assert.False(await jobs.CompleteAsync(job.Id, "dead", "{}"));
        Assert.True(await jobs.CompleteAsync(job.Id, "w2", "{}"));
    }

    [Fact]
    public async Task HeartbeatAsync_ByTheHolder_KeepsTheJob()
    {
        var jobs = NewQueue();
        var job = await jobs.EnqueueAsync(new NewJob("retrain", "m", "{}"));
        await jobs.ClaimAsync("w1", "m", TimeSpan.FromMilliseconds(300), Any);

        Assert.True(await jobs.HeartbeatAsync(job.Id, "w1", Long));
        await Task.Delay(500);

        Assert.Null(await jobs.ClaimAsync("w2", "m", Long, Any));
    }

    [Fact]
    public async Task ClaimAsync_LeaseRanOutOnTheLastAttempt_MarksItFailed()
    {
        var jobs = NewQueue();
        var job = await jobs.EnqueueAsync(new NewJob("retrain", "m", "{}", MaxAttempts: 1));
        await jobs.ClaimAsync("dead", "m", TimeSpan.FromMilliseconds(200), Any);
        await Task.Delay(500);

        Assert.Null(await jobs.ClaimAsync("w2", "m", Long, Any));

        var failed = await jobs.FindAsync(job.Id);
        Assert.Equal(JobStatus.Failed, failed!.Status);
        Assert.Contains("dead", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimAsync_ManyWorkersAtOnce_EachJobClaimedOnce()
    {
        var jobs = NewQueue();
        for (var i = 0; i < 6; i++) await jobs.EnqueueAsync(new NewJob("retrain", "m", $$"""{"i":{{i}}}"""));
        var claims = new ConcurrentBag<long>();
        using var start = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, 12).Select(w => Task.Run(async () =>
        {
            start.Wait();
            while (await jobs.ClaimAsync($"w{w}", "m", Long, Any) is { } job) claims.Add(job.Id);
        })).ToList();
        start.Set();
        await Task.WhenAll(workers);

        Assert.Equal(6, claims.Count);
        Assert.Equal(6, claims.Distinct().Count());
    }

    [Fact]
    public async Task ListAsync_NewestFirstAndByModel()
    {
        var jobs = NewQueue();
        await jobs.EnqueueAsync(new NewJob("retrain", "a", "{}"));
        await jobs.EnqueueAsync(new NewJob("retrain", "b", "{}"));
        await jobs.EnqueueAsync(new NewJob("retrain", "a", "{}"));

        var all = await jobs.ListAsync();
        Assert.Equal(["a", "b", "a"], all.Select(j => j.Model).Reverse());
        var mine = await jobs.ListAsync("a", 1);
        Assert.Equal([all[0].Id], mine.Select(j => j.Id));
    }
}

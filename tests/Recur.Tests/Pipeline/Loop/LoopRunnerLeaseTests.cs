using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Coordination;
using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Pipeline;
using Recur.Pipeline.Loop;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Loop;

public sealed class LoopRunnerLeaseTests
{
    private static readonly string Yaml = LoopTestProject.Yaml("""
        interval: 2s
        triggers: {drift: ~}
        canary: {enabled: false}
        """, iterations: 10);

    [Fact]
    public async Task TickAsync_TwoReplicasOnOneStore_OnlyTheLeaseHolderTicksUntilItsLeaseRunsOut()
    {
        using var dir = new TempDir();
        var clock = new ManualClock();
        var (a, b) = await TwoReplicasAsync(dir, clock);

        var first = await a.TickAsync("replica a", release: false);
        var refused = await b.TickAsync("replica b", release: false);
        var again = await a.TickAsync("replica a", release: false);

        Assert.NotNull(first);
        Assert.Null(refused);
        Assert.NotNull(again);
        Assert.Equal(TimeSpan.FromSeconds(10), a.LeaseTtl);
        clock.Now += a.LeaseTtl + TimeSpan.FromSeconds(1); // a stops renewing (killed)
        var takenOver = await b.TickAsync("replica b", release: false);
        var lost = await a.TickAsync("replica a", release: false);

        Assert.NotNull(takenOver);
        Assert.Null(lost);
        var project = RecurProject.Open(dir.Root, clock);
        var ticks = (await project.Services.GetRequiredService<ILoopStore>().HistoryAsync("adult")).Where(r => r.Step == LoopSteps.TickStarted).ToList();
        Assert.Equal([a.Holder, a.Holder, b.Holder], ticks.Select(t => t.Why.Split(" on ")[^1]));
    }

    [Fact]
    public async Task TickAsync_Once_GivesTheLeaseUpAfterTheTick()
    {
        using var dir = new TempDir();
        var clock = new ManualClock();
        var (a, b) = await TwoReplicasAsync(dir, clock);

        Assert.NotNull(await a.TickAsync("recur loop --once"));

        Assert.Null(await a.ReadLeaseAsync());
        Assert.NotNull(await b.TickAsync("replica b", release: false));
        Assert.Equal(b.Holder, (await a.ReadLeaseAsync())!.Holder);
    }

    [Fact]
    public async Task RunAsync_Stopped_GivesTheLeaseUp()
    {
        using var dir = new TempDir();
        var (a, _) = await TwoReplicasAsync(dir, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var running = a.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await a.ReadLeaseAsync() is null && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(a.Holder, (await a.ReadLeaseAsync())?.Holder);

        await stop.CancelAsync();
        await running;

        Assert.Null(await a.ReadLeaseAsync());
    }

    [Theory]
    [InlineData("2s", null, 10)]
    [InlineData("1m", null, 180)]
    [InlineData("1m", 45, 45)]
    public void LeaseTtlOf_IntervalAndSetting_IsLeaseSecondsElseThreeIntervalsAtLeastTenSeconds(string interval, int? leaseSeconds, double expected)
    {
        Assert.Equal(TimeSpan.FromSeconds(expected), LoopRunner.LeaseTtlOf(new LoopConfig { Interval = interval, LeaseSeconds = leaseSeconds }));
    }

    // Two processes' worth of the project on one SQLite file, with a champion to tick on.
    private static async Task<(LoopRunner A, LoopRunner B)> TwoReplicasAsync(TempDir dir, TimeProvider clock)
    {
        var (project, _) = await LoopTestProject.TrainedAsync(dir, Yaml, clock, registerRejected: true);
        return (new LoopRunner(project), new LoopRunner(RecurProject.Open(dir.Root, clock)));
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

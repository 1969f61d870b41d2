using Recur.Core.Coordination;

namespace Recur.Tests.Storage.Compliance;

/// <summary>What every <see cref="ILeaseStore"/> must do; a backend's test class supplies stores on a real backend.</summary>
public abstract class LeaseStoreCompliance
{
    /// <summary>A new, empty lease store (a fresh file or schema).</summary>
    protected abstract ILeaseStore NewStore();

    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task TryAcquireAsync_Free_TakesIt()
    {
        var leases = NewStore();
        Assert.Null(await leases.ReadAsync("loop:m"));

        Assert.True(await leases.TryAcquireAsync("loop:m", "a", Long));

        var lease = await leases.ReadAsync("loop:m");
        Assert.Equal("a", lease!.Holder);
        Assert.True(lease.Live);
        Assert.InRange(lease.ExpiresAt - lease.Now, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public async Task TryAcquireAsync_HeldByAnother_IsRefusedAndTheHolderKeepsIt()
    {
        var leases = NewStore();
        await leases.TryAcquireAsync("loop:m", "a", Long);

        Assert.False(await leases.TryAcquireAsync("loop:m", "b", Long));
        Assert.Equal("a", (await leases.ReadAsync("loop:m"))!.Holder);
        Assert.True(await leases.TryAcquireAsync("loop:other", "b", Long));
    }

    [Fact]
    public async Task TryAcquireAsync_SameHolder_RenewsTheExpiry()
    {
        var leases = NewStore();
        await leases.TryAcquireAsync("loop:m", "a", TimeSpan.FromSeconds(30));
        var first = (await leases.ReadAsync("loop:m"))!.ExpiresAt;

        Assert.True(await leases.TryAcquireAsync("loop:m", "a", Long));

        Assert.True((await leases.ReadAsync("loop:m"))!.ExpiresAt > first + TimeSpan.FromMinutes(4));
    }

    [Fact]
    public async Task TryAcquireAsync_Expired_IsTakenOver()
    {
        var leases = NewStore();
        await leases.TryAcquireAsync("loop:m", "a", TimeSpan.FromMilliseconds(200));
        await Task.Delay(500);

        Assert.False((await leases.ReadAsync("loop:m"))!.Live);
        Assert.True(await leases.TryAcquireAsync("loop:m", "b", Long));
        Assert.Equal("b", (await leases.ReadAsync("loop:m"))!.Holder);
        Assert.False(await leases.TryAcquireAsync("loop:m", "a", Long));
    }

    [Fact]
    public async Task ReleaseAsync_ByTheHolder_FreesItAndByAnother_DoesNothing()
    {
        var leases = NewStore();
        await leases.TryAcquireAsync("loop:m", "a", Long);

        Assert.False(await leases.ReleaseAsync("loop:m", "b"));
        Assert.Equal("a", (await leases.ReadAsync("loop:m"))!.Holder);
        Assert.True(await leases.ReleaseAsync("loop:m", "a"));
        Assert.Null(await leases.ReadAsync("loop:m"));
        Assert.True(await leases.TryAcquireAsync("loop:m", "b", Long));
    }

    [Fact]
    public async Task TryAcquireAsync_ManyConcurrentAcquirers_ExactlyOneHolder()
    {
        var leases = NewStore();
        await leases.TryAcquireAsync("warm", "x", Long); // the schema exists before the race starts
        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (Holder: $"h{i}", Won: await leases.TryAcquireAsync("loop:race", $"h{i}", Long));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(racers);

        var winners = results.Where(r => r.Won).Select(r => r.Holder).ToList();
        Assert.Single(winners);
        Assert.Equal(winners[0], (await leases.ReadAsync("loop:race"))!.Holder);
    }
}

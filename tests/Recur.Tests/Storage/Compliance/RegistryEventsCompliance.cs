using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Tests.Storage.Compliance;

/// <summary>
/// What every <see cref="IRegistryEvents"/> must do: each change recorded with who, when, why and the numbers; rollback
/// from the history; tags; events handed to the sink only once committed.
/// </summary>
public abstract class RegistryEventsCompliance
{
    /// <summary>A new, empty store on the backend, acting as <paramref name="actor"/>, telling <paramref name="sink"/>.</summary>
    protected abstract (IRegistryStore Registry, IRegistryEvents Events) NewStore(string actor, IRegistryEventSink? sink);

    private static NewModelVersion Version(double auc) => new("m", new string('a', 64),
        new ModelLineage(["s1"], "cfg", "0.1.0", 42, "lightgbm", new Dictionary<string, string>()),
        new Dictionary<string, double> { ["auc"] = auc }, $"gate passed at {auc}");

    private static readonly RegistryChange Alice = new("alice", "better on the March data");

    [Fact]
    public async Task RegisterAsync_RecordsTheEventWithActorReasonAndMetrics()
    {
        var (registry, events) = NewStore("trainer-bot", null);

        await registry.RegisterAsync(Version(0.8), "champion");

        var e = Assert.Single(await events.EventsAsync("m"));
        Assert.Equal((RegistryEventKinds.Registered, "trainer-bot", "gate passed at 0.8", 1, "champion"), (e.Kind, e.Actor, e.Reason, e.Version!.Value, e.Alias!));
        Assert.Null(e.PreviousVersion);
        Assert.Equal(0.8, e.Metrics["auc"]);
    }

    [Fact]
    public async Task MoveAliasAsync_RecordsPreviousTargetAndBothVersionsMetrics()
    {
        var (registry, events) = NewStore("bot", null);
        await registry.RegisterAsync(Version(0.8), "champion");
        await registry.RegisterAsync(Version(0.85), null);

        var e = await events.MoveAliasAsync("m", "champion", 2, RegistryEventKinds.Promoted, Alice);

        Assert.Equal((RegistryEventKinds.Promoted, "alice", "better on the March data", 2, 1), (e.Kind, e.Actor, e.Reason, e.Version!.Value, e.PreviousVersion!.Value));
        Assert.Equal(0.85, e.Metrics["auc"]);
        Assert.Equal(0.8, e.Metrics["previous.auc"]);
        Assert.Equal(2, (await registry.ResolveAliasAsync("m", "champion"))!.Version);
        Assert.Equal(Key(e), Key((await events.EventsAsync("m", alias: "champion"))[0]));
    }

    [Fact]
    public async Task MoveAliasAsync_UnknownVersion_IsNotFoundAndRecordsNothing()
    {
        var (registry, events) = NewStore("bot", null);
        await registry.RegisterAsync(Version(0.8), "champion");

        var x = await Assert.ThrowsAsync<RecurException>(() => events.MoveAliasAsync("m", "champion", 9, RegistryEventKinds.Promoted, Alice));

        Assert.Equal(FailureKind.NotFound, x.Kind);
        Assert.Single(await events.EventsAsync("m"));
        Assert.Equal(1, (await registry.ResolveAliasAsync("m", "champion"))!.Version);
    }

    [Fact]
    public async Task RollbackAsync_StepsBackThroughTheHistory()
    {
        var (registry, events) = NewStore("bot", null);
        await registry.RegisterAsync(Version(0.8), "champion");
        await registry.RegisterAsync(Version(0.85), "champion");
        await registry.RegisterAsync(Version(0.9), null);
        await events.MoveAliasAsync("m", "champion", 3, RegistryEventKinds.Promoted, Alice);

        var first = await events.RollbackAsync("m", "champion", new RegistryChange("bob", "v3 is slow"));
        var second = await events.RollbackAsync("m", "champion", new RegistryChange("bob", "v2 too"));

        Assert.Equal((2, 3, "bob", "v3 is slow"), (first.Version!.Value, first.PreviousVersion!.Value, first.Actor, first.Reason));
        Assert.Equal((1, 2), (second.Version!.Value, second.PreviousVersion!.Value));
        Assert.Equal(1, (await registry.ResolveAliasAsync("m", "champion"))!.Version);
        var none = await Assert.ThrowsAsync<RecurException>(() => events.RollbackAsync("m", "champion", Alice));
        Assert.Equal(FailureKind.NotFound, none.Kind);
        Assert.Contains("no earlier target", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackAsync_UnknownAlias_IsNotFound()
    {
        var (registry, events) = NewStore("bot", null);
        await registry.RegisterAsync(Version(0.8), null);

        var x = await Assert.ThrowsAsync<RecurException>(() => events.RollbackAsync("m", "champion", Alice));

        Assert.Equal(FailureKind.NotFound, x.Kind);
    }

    [Fact]
    public async Task Tags_SetReplaceRemove_ShowOnTheVersionAndInTheHistory()
    {
        var (registry, events) = NewStore("bot", null);
        await registry.RegisterAsync(Version(0.8), null);

        await events.SetTagAsync("m", 1, "owner", "risk", Alice);
        await events.SetTagAsync("m", 1, "owner", "credit", Alice);
        await events.SetTagAsync("m", 1, "ticket", "R-12", Alice);
        await events.RemoveTagAsync("m", 1, "ticket", Alice);

        var v = await registry.FindAsync("m", 1);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "credit" }, v!.Tags);
        Assert.Equal("credit", (await registry.ListAsync("m"))[0].Tags["owner"]);
        var history = await events.EventsAsync("m", version: 1);
        Assert.Equal([RegistryEventKinds.TagRemoved, RegistryEventKinds.TagSet, RegistryEventKinds.TagSet, RegistryEventKinds.TagSet, RegistryEventKinds.Registered], history.Select(e => e.Kind));
        Assert.Equal(FailureKind.NotFound, (await Assert.ThrowsAsync<RecurException>(() => events.RemoveTagAsync("m", 1, "ticket", Alice))).Kind);
        Assert.Equal(FailureKind.NotFound, (await Assert.ThrowsAsync<RecurException>(() => events.SetTagAsync("m", 7, "a", "b", Alice))).Kind);
    }

    [Fact]
    public async Task EventsAsync_NewestFirstFilteredByAliasAndVersion()
    {
        var (registry, events) = NewStore("bot", null);
        await registry.RegisterAsync(Version(0.8), "champion");
        await registry.RegisterAsync(Version(0.85), "challenger");
        await events.MoveAliasAsync("m", "champion", 2, RegistryEventKinds.Promoted, Alice);

        var all = await events.EventsAsync("m");
        var challenger = await events.EventsAsync("m", alias: "challenger");
        var v1 = await events.EventsAsync("m", version: 1);

        Assert.Equal(all.Select(e => e.Id).OrderDescending(), all.Select(e => e.Id));
        Assert.Equal(3, all.Count);
        Assert.Single(challenger);
        Assert.Equal([RegistryEventKinds.Promoted, RegistryEventKinds.Registered], v1.Select(e => e.Kind));
        Assert.Empty(await events.EventsAsync("other"));
    }

    [Fact]
    public async Task Sink_HearsEachCommittedChangeOnce_AndNothingOfAFailedOne()
    {
        var sink = new RecordingSink();
        var (registry, events) = NewStore("bot", sink);
        await registry.RegisterAsync(Version(0.8), "champion");
        await registry.RegisterAsync(Version(0.85), null);
        await events.MoveAliasAsync("m", "champion", 2, RegistryEventKinds.Promoted, Alice);
        await Assert.ThrowsAsync<RecurException>(() => events.MoveAliasAsync("m", "champion", 5, RegistryEventKinds.Promoted, Alice));

        Assert.Equal([RegistryEventKinds.Registered, RegistryEventKinds.Registered, RegistryEventKinds.Promoted], sink.Heard.Select(e => e.Kind));
        Assert.Equal((await events.EventsAsync("m")).Reverse().Select(Key), sink.Heard.Select(Key));
    }

    // Records compare their metric dictionaries by reference; compare what was stored instead.
    private static (long, string, DateTimeOffset, string, string, int?, string?, int?, string) Key(RegistryEvent e) =>
        (e.Id, e.Kind, e.At, e.Actor, e.Reason, e.Version, e.Alias, e.PreviousVersion, string.Join(",", e.Metrics.OrderBy(m => m.Key).Select(m => $"{m.Key}={m.Value}")));

    private sealed class RecordingSink : IRegistryEventSink
    {
        public List<RegistryEvent> Heard { get; } = [];

        public Task PublishAsync(RegistryEvent registryEvent, CancellationToken ct = default)
        {
            lock (Heard) Heard.Add(registryEvent);
            return Task.CompletedTask;
        }
    }
}

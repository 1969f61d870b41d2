using Recur.Core;
using Recur.Core.Serving;

namespace Recur.Tests.Storage.Compliance;

/// <summary>What every <see cref="IPublishedPredictions"/> must do; a backend's test class supplies a store on a real backend.</summary>
public abstract class PublishedPredictionsCompliance
{
    /// <summary>A new, empty store.</summary>
    protected abstract IPublishedPredictions NewStore();

    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static PublishedPrediction P(string key, double score, IReadOnlyDictionary<string, double>? scores = null) => new(key, "m", 0, "yes", score, scores, default);

    [Fact]
    public async Task GetAsync_CompletedRun_AnswersWithVersionAndTime()
    {
        var store = NewStore();
        var run = await store.BeginAsync("m", 4);
        await store.PutAsync(run, [P("a", 0.1), P("b", 0.2, new Dictionary<string, double> { ["x"] = 0.2, ["y"] = 0.8 })]);
        await store.PutAsync(run, [P("a", 0.3)]);
        await store.CompleteAsync(run, At);

        var a = await store.GetAsync("m", "a");
        var b = await store.GetAsync("m", "b");
        Assert.Equal(("a", "m", 4, "yes", 0.3, At), (a!.Key, a.Model, a.Version, a.Label, a.Score, a.PublishedAt));
        Assert.Null(a.Scores);
        Assert.Equal(0.8, b!.Scores!["y"]);
        Assert.Null(await store.GetAsync("m", "zzz"));
        Assert.Null(await store.GetAsync("other", "a"));
    }

    [Fact]
    public async Task GetAsync_RunNotCompleted_IsNotSeenAndThePreviousRunStillAnswers()
    {
        var store = NewStore();
        var first = await store.BeginAsync("m", 1);
        await store.PutAsync(first, [P("a", 0.1)]);
        await store.CompleteAsync(first, At);

        var second = await store.BeginAsync("m", 2);
        await store.PutAsync(second, [P("a", 0.9), P("new", 0.5)]);

        Assert.Equal(1, (await store.GetAsync("m", "a"))!.Version);
        Assert.Null(await store.GetAsync("m", "new"));
    }

    [Fact]
    public async Task CompleteAsync_NewRun_ReplacesThePreviousOneWhole()
    {
        var store = NewStore();
        var first = await store.BeginAsync("m", 1);
        await store.PutAsync(first, [P("a", 0.1), P("gone", 0.1)]);
        await store.CompleteAsync(first, At);
        var second = await store.BeginAsync("m", 2);
        await store.PutAsync(second, [P("a", 0.9)]);
        await store.CompleteAsync(second, At.AddHours(1));

        Assert.Equal((2, 0.9, At.AddHours(1)), ((await store.GetAsync("m", "a"))!.Version, (await store.GetAsync("m", "a"))!.Score, (await store.GetAsync("m", "a"))!.PublishedAt));
        Assert.Null(await store.GetAsync("m", "gone"));
    }

    [Fact]
    public async Task AbandonAsync_OpenRun_IsDroppedAndCannotBeCompleted()
    {
        var store = NewStore();
        var run = await store.BeginAsync("m", 1);
        await store.PutAsync(run, [P("a", 0.1)]);
        await store.AbandonAsync(run);

        Assert.Null(await store.GetAsync("m", "a"));
        var error = await Assert.ThrowsAsync<RecurException>(() => store.CompleteAsync(run, At));
        Assert.Equal(FailureKind.Conflict, error.Kind);
        await Assert.ThrowsAsync<RecurException>(() => store.PutAsync(run, [P("b", 0.2)]));
    }
}

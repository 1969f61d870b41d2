using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Serving;
using Recur.Serving.Published;
using Recur.Storage.Sqlite;
using Recur.Tests.Serving.Batch;

namespace Recur.Tests.Serving.Published;

public sealed class KeyedPredictionsTests : IAsyncDisposable
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly TempDir _dir = new();
    private readonly ManualClock _clock = new();
    private readonly ScorerFixture _fixture = new();

    public async ValueTask DisposeAsync()
    {
        await _fixture.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<KeyedPredictions> PublishedAsync(ServingConfig settings)
    {
        var store = new SqlitePublishedPredictions(new SqliteDatabase(_dir.Path("recur.db")));
        var run = await store.BeginAsync("m", 2);
        await store.PutAsync(run, [new PublishedPrediction("a", "m", 2, "yes", 0.7, null, default), new PublishedPrediction("r", "m", 2, "", 41.5, null, default)]);
        await store.CompleteAsync(run, _clock.GetUtcNow());
        return new KeyedPredictions(store, _fixture.Service, _clock, settings);
    }

    [Fact]
    public async Task GetAsync_Fresh_AnswersPublishedWithItsAge()
    {
        var keyed = await PublishedAsync(new ServingConfig());
        _clock.Now += TimeSpan.FromSeconds(90);

        var answer = await keyed.GetAsync("m", "a", maxAge: 120);

        Assert.Equal(("published", 90.0, 0.7, ModelTask.Binary, 2), (answer.Source, answer.AgeSeconds, answer.Result.Score, answer.Result.Task, answer.Result.ModelVersion));
        Assert.Equal(ModelTask.Regression, (await keyed.GetAsync("m", "r", null)).Result.Task);
    }

    [Fact]
    public async Task GetAsync_OlderThanTheSetting_IsNotFoundNamingKeyAndAge()
    {
        var keyed = await PublishedAsync(new ServingConfig { PublishedMaxAge = 60 });
        _clock.Now += TimeSpan.FromSeconds(90);

        var error = await Assert.ThrowsAsync<RecurException>(() => keyed.GetAsync("m", "a", null));

        Assert.Equal((FailureKind.NotFound, "key"), (error.Kind, error.Field));
        Assert.Contains("key 'a' is 90 s old, older than max_age 60 s", error.Message);
        Assert.Equal("published", (await keyed.GetAsync("m", "a", maxAge: 100)).Source);
    }

    [Fact]
    public async Task GetAsync_MissingKeyOrBadMaxAge_IsRefused()
    {
        var keyed = await PublishedAsync(new ServingConfig());

        Assert.Equal(FailureKind.NotFound, (await Assert.ThrowsAsync<RecurException>(() => keyed.GetAsync("m", "zz", null))).Kind);
        Assert.Equal("max_age", (await Assert.ThrowsAsync<RecurException>(() => keyed.GetAsync("m", "a", -1))).Field);
    }
}

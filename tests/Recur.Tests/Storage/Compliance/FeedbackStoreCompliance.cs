using Recur.Core.Monitoring;
using Recur.Core.Serving;

namespace Recur.Tests.Storage.Compliance;

/// <summary>What every <see cref="IFeedbackStore"/> must do, joined with the prediction log it sits beside.</summary>
public abstract class FeedbackStoreCompliance
{
    /// <summary>A new, empty prediction log and the feedback store joined to it.</summary>
    protected abstract (IPredictionLog Log, IFeedbackStore Feedback) NewStore();

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PredictionRecord Prediction(string key, int second, string model = "m") => new(key, model, 1, T0.AddSeconds(second), "{}", "no", 0.2);

    [Fact]
    public async Task AddAsync_LaterLabelForAKey_ReplacesTheEarlierOne()
    {
        var (log, feedback) = NewStore();
        await log.AppendAsync([Prediction("k", 0)]);

        await feedback.AddAsync([new FeedbackRecord("k", "no", T0)]);
        await feedback.AddAsync([new FeedbackRecord("k", "yes", T0.AddSeconds(5))]);

        Assert.Equal("yes", Assert.Single(await feedback.JoinAsync("m")).TrueLabel);
    }

    [Fact]
    public async Task JoinAsync_Since_OnlyPredictionsFromThenOn()
    {
        var (log, feedback) = NewStore();
        await log.AppendAsync([Prediction("old", 0), Prediction("new", 10)]);
        await feedback.AddAsync([new FeedbackRecord("old", "yes", T0), new FeedbackRecord("new", "no", T0)]);

        var joined = await feedback.JoinAsync("m", T0.AddSeconds(5));

        Assert.Equal(["new"], joined.Select(j => j.Prediction.Key));
    }

    [Fact]
    public async Task JoinAsync_OtherModelOrNoLabel_JoinsNothing()
    {
        var (log, feedback) = NewStore();
        await log.AppendAsync([Prediction("k1", 0, "other"), Prediction("k2", 0)]);
        await feedback.AddAsync([new FeedbackRecord("k1", "yes", T0)]);

        Assert.Empty(await feedback.JoinAsync("m"));
        Assert.Single(await feedback.JoinAsync("other"));
    }

    [Fact]
    public async Task AddAsync_NoRecords_ChangesNothing()
    {
        var (log, feedback) = NewStore();
        await log.AppendAsync([Prediction("k", 0)]);

        await feedback.AddAsync([]);

        Assert.Empty(await feedback.JoinAsync("m"));
    }

    [Fact]
    public async Task AddAsync_ConcurrentBatches_AreAllStored()
    {
        var (log, feedback) = NewStore();
        var keys = Enumerable.Range(0, 200).Select(i => $"k{i}").ToList();
        await log.AppendAsync(keys.Select((k, i) => Prediction(k, i)).ToList());

        await Task.WhenAll(keys.Chunk(20).Select(chunk => Task.Run(() => feedback.AddAsync(chunk.Select(k => new FeedbackRecord(k, "yes", T0)).ToList()))));

        Assert.Equal(keys, (await feedback.JoinAsync("m")).Select(j => j.Prediction.Key));
    }
    [Fact]
    public async Task AppendAsync_Events_AreNumberedInOrderAndNeverReplaced()
    {
        var (log, feedback) = NewStore();
        await log.AppendAsync([Prediction("k", 0)]);

        await feedback.AppendAsync([new FeedbackRecord("k", "no", T0.AddSeconds(1))], T0.AddSeconds(10), "rest");
        await feedback.AppendAsync([new FeedbackRecord("k", "yes", T0.AddSeconds(2)), new FeedbackRecord("j", "no", T0)], T0.AddSeconds(20), "cli:f.csv");

        var events = await feedback.ReadEventsAsync();
        Assert.Equal(["no", "yes", "no"], events.Select(e => e.Label));
        Assert.True(events[0].Seq < events[1].Seq && events[1].Seq < events[2].Seq);
        Assert.Equal((T0.AddSeconds(1), T0.AddSeconds(10), "rest"), (events[0].EventTime, events[0].ReceivedAt, events[0].Source));
        Assert.Equal(["yes", "no"], (await feedback.ReadEventsAsync(events[0].Seq)).Select(e => e.Label));
        Assert.Equal(["no", "yes"], (await feedback.ReadEventsAsync(0, ["k"])).Select(e => e.Label));
        var joined = Assert.Single(await feedback.JoinAsync("m"));
        Assert.Equal(("yes", T0.AddSeconds(2)), (joined.TrueLabel, joined.LabelTime));
    }

    [Fact]
    public async Task AppendAsync_SameFileContentTwice_StoresItOnce()
    {
        var (_, feedback) = NewStore();
        var file = new FeedbackFile("ab12", "data/feedback/a.csv", 1, T0);

        var first = await feedback.AppendAsync([new FeedbackRecord("k", "yes", T0)], T0, "source:a.csv", file);
        var renamed = await feedback.AppendAsync([new FeedbackRecord("k", "yes", T0)], T0, "source:b.csv", file with { Path = "data/feedback/b.csv" });

        Assert.True(first);
        Assert.False(renamed);
        Assert.Single(await feedback.ReadEventsAsync());
        Assert.Equal("data/feedback/a.csv", Assert.Single(await feedback.ReadFilesAsync()).Path);
    }
}

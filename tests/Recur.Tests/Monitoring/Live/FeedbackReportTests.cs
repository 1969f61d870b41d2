using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Monitoring.Live;
using Recur.Serving.Feedback;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Monitoring.Live;

public sealed class FeedbackReportTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static PredictionRecord Prediction(string key) => new(key, "m", 1, T0, "{}", "no", 0.2);

    [Fact]
    public async Task BuildAsync_UnknownKeyWhosePredictionArrivesLater_CountsAsMatched()
    {
        var log = new SqlitePredictionLog(new SqliteDatabase(_dir.Path("recur.db")));
        await log.AppendAsync([Prediction("a")]);
        var early = await FeedbackIntake.IngestAsync(log, log, "m", [new FeedbackRecord("a", "yes", T0.AddHours(1)), new FeedbackRecord("b", "no", T0.AddHours(1))],
            FeedbackRules.Default, T0.AddHours(1), "rest");
        var before = await FeedbackReport.BuildAsync(log, log, "m", FeedbackRules.Default);

        await log.AppendAsync([Prediction("b")]);
        var after = await FeedbackReport.BuildAsync(log, log, "m", FeedbackRules.Default);

        Assert.Equal((1, 1), (early!.Matched, early.UnknownKey));
        Assert.Equal((1, 1, 1), (before.Counts.Matched, before.Counts.UnknownKey, before.PendingKeys));
        Assert.Equal((2, 0, 0), (after.Counts.Matched, after.Counts.UnknownKey, after.PendingKeys));
        Assert.Equal((2, 2L), (after.Events, after.LastSeq));
    }

    [Fact]
    public async Task IngestAsync_DuplicatesAndConflicts_AreStoredButCountedApart()
    {
        var log = new SqlitePredictionLog(new SqliteDatabase(_dir.Path("recur.db")));
        await log.AppendAsync([Prediction("a")]);
        var rest = T0.AddHours(1);

        await FeedbackIntake.IngestAsync(log, log, "m", [new FeedbackRecord("a", "yes", rest)], FeedbackRules.Default, rest, "rest");
        var second = await FeedbackIntake.IngestAsync(log, log, "m", [new FeedbackRecord("a", "yes", rest), new FeedbackRecord("a", "no", rest)], FeedbackRules.Default, rest, "rest");

        Assert.Equal((0, 1, 1), (second!.Matched, second.Duplicate, second.Conflicting));
        Assert.Equal(3, (await log.ReadEventsAsync()).Count);
        Assert.Equal("no", Assert.Single(await log.JoinAsync("m")).TrueLabel);
    }
}

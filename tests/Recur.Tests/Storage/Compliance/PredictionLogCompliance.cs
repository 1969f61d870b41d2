using Recur.Core.Monitoring;
using Recur.Core.Serving;

namespace Recur.Tests.Storage.Compliance;

/// <summary>What every prediction log and feedback store must do; each backend's test class inherits this.</summary>
public abstract class PredictionLogCompliance
{
    /// <summary>A new, empty store that is both the log and the feedback store.</summary>
    protected abstract (IPredictionLog Log, IFeedbackStore Feedback) NewStore();

    /// <summary>Two logs on one new, empty backend, as two serving replicas would open it.</summary>
    protected abstract (IPredictionLog A, IPredictionLog B) NewReplicas();

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AppendThenRead_KeepsEveryFieldInOrder()
    {
        var (log, _) = NewStore();
        await log.AppendAsync([
            new PredictionRecord("k1", "m", 1, T0, """{"x":1}""", "yes", 0.9),
            new PredictionRecord("k2", "m", 2, T0.AddSeconds(1), """{"x":2}""", "412.5", 412.5),
            new PredictionRecord("k3", "other", 1, T0, "{}", "no", 0.1),
        ]);

        var read = await log.ReadAsync("m");
        var since = await log.ReadAsync("m", T0.AddMilliseconds(500));

        Assert.Equal(["k1", "k2"], read.Select(r => r.Key));
        Assert.Equal(new PredictionRecord("k2", "m", 2, T0.AddSeconds(1), """{"x":2}""", "412.5", 412.5), read[1]);
        Assert.Equal(["k2"], since.Select(r => r.Key));
    }

    [Fact]
    public async Task AppendThenRead_KeepsTheSafeguardRulesThatFired()
    {
        var (log, _) = NewStore();
        await log.AppendAsync([new PredictionRecord("k1", "m", 1, T0, "{}", "no", 0.2, Rules: "range:age:clamp,override:no-minors"), new PredictionRecord("k2", "m", 1, T0, "{}", "no", 0.2)]);

        var read = await log.ReadAsync("m");

        Assert.Equal(["range:age:clamp,override:no-minors", null], read.Select(r => r.Rules));
    }

    [Fact]
    public async Task AppendThenRead_KeepsTheSurrogatesAnswer()
    {
        var (log, _) = NewStore();
        await log.AppendAsync([new PredictionRecord("k1", "m", 1, T0, "{}", "yes", 0.9, SurrogateLabel: "no", SurrogateScore: 0.4), new PredictionRecord("k2", "m", 1, T0, "{}", "no", 0.2)]);

        var read = await log.ReadAsync("m");

        Assert.Equal(("no", 0.4), (read[0].SurrogateLabel, read[0].SurrogateScore!.Value));
        Assert.Null(read[1].SurrogateLabel);
        Assert.Null(read[1].SurrogateScore);
    }

    [Fact]
    public async Task JoinAsync_LatestLabelJoinsTheLatestPredictionOfAKey()
    {
        var (log, feedback) = NewStore();
        await log.AppendAsync([
            new PredictionRecord("k1", "m", 1, T0, "{}", "yes", 0.9),
            new PredictionRecord("k1", "m", 2, T0.AddSeconds(1), "{}", "no", 0.4),
            new PredictionRecord("k2", "m", 1, T0, "{}", "no", 0.1),
        ]);
        await feedback.AddAsync([new FeedbackRecord("k1", "no", T0), new FeedbackRecord("k1", "yes", T0.AddSeconds(2)), new FeedbackRecord("zz", "no", T0)]);

        var joined = await feedback.JoinAsync("m");

        var only = Assert.Single(joined);
        Assert.Equal(("k1", 2, "yes"), (only.Prediction.Key, only.Prediction.Version, only.TrueLabel));
    }

    [Fact]
    public async Task ReadRouteAsync_KeepsRouteRoleAndLatency_WhileShadowCopiesStayOutOfMonitoring()
    {
        var (log, feedback) = NewStore();
        await log.AppendAsync([
            new PredictionRecord("k1", "m", 1, T0, "{}", "yes", 0.9, "default", null, 2.5),
            new PredictionRecord("k1", "m", 2, T0, "{}", "no", 0.3, "default", PredictionRecord.ShadowRole, 4.0),
            new PredictionRecord("k2", "m", 1, T0, "{}", "no", 0.2, "other", "phase1", 1.0),
            new PredictionRecord("k3", "m", 1, T0, "{}", "no", 0.2),
        ]);
        await feedback.AddAsync([new FeedbackRecord("k1", "yes", T0)]);

        var route = await log.ReadRouteAsync("m", "default");
        var answered = await log.ReadAsync("m");
        var byKey = await log.FindByKeysAsync("m", ["k1"]);
        var joined = await feedback.JoinAsync("m");

        Assert.Equal([(1, null), (2, PredictionRecord.ShadowRole)], route.Select(r => (r.Version, r.Role)));
        Assert.Equal(new PredictionRecord("k1", "m", 1, T0, "{}", "yes", 0.9, "default", null, 2.5), route[0]);
        Assert.Equal(["k1", "k2", "k3"], answered.Select(r => r.Key));
        Assert.Equal("phase1", answered[1].Role);
        Assert.Equal([1], byKey.Select(r => r.Version));
        Assert.Equal(1, Assert.Single(joined).Prediction.Version);
    }

    [Fact]
    public async Task AppendAsync_ManyRecordsInOneCall_KeepsEveryRecordAndItsOrder()
    {
        var (log, _) = NewStore();
        var records = Enumerable.Range(0, 75).Select(i => new PredictionRecord($"k{i}", "m", 1 + i % 3, T0.AddSeconds(i / 10), $$"""{"x":{{i}}}""", i % 2 == 0 ? "yes" : "no", i / 100.0,
            i % 5 == 0 ? "default" : null, i % 7 == 0 ? "phase1" : null, i % 4 == 0 ? i : null, i % 6 == 0 ? "override:r" : null, i % 8 == 0 ? "no" : null, i % 8 == 0 ? 0.5 : null)).ToList();

        await log.AppendAsync(records);
        var read = await log.ReadAsync("m");

        Assert.Equal(records, read);
    }

    [Fact]
    public async Task AppendAsync_TwoReplicasAtOnce_KeepEveryRecordAndEachBatchInOrder()
    {
        var (a, b) = NewReplicas();
        var batches = Enumerable.Range(0, 16).Select(batch => Enumerable.Range(0, 1 + batch * 7)
            .Select(i => new PredictionRecord($"b{batch}-{i}", "m", 1, T0.AddSeconds(i), "{}", "yes", 0.5)).ToList()).ToList();

        await Task.WhenAll(batches.Select((batch, i) => Task.Run(() => (i % 2 == 0 ? a : b).AppendAsync(batch))));
        var read = await b.ReadAsync("m");

        Assert.Equal(batches.Sum(x => x.Count), read.Count);
        Assert.Equal(batches.SelectMany(x => x).Select(r => r.Key).Order(StringComparer.Ordinal), read.Select(r => r.Key).Order(StringComparer.Ordinal));
        foreach (var batch in batches)
        {
            Assert.Equal(batch.Select(r => r.Key), read.Where(r => r.Key.StartsWith(batch[0].Key.Split('-')[0] + "-", StringComparison.Ordinal)).Select(r => r.Key));
        }
    }

    [Fact]
    public async Task AppendAsync_SameLogIdTwice_StoresItOnce()
    {
        var (log, _) = NewStore();
        var first = new PredictionRecord("k1", "m", 1, T0, "{}", "yes", 0.9) { LogId = "a1b2:1:0" };
        var second = new PredictionRecord("k2", "m", 1, T0, "{}", "no", 0.1) { LogId = "a1b2:1:120" };

        await log.AppendAsync([first, second]);
        // The drainer stored the batch, then crashed before its checkpoint: the same records come again, with a new one.
        await log.AppendAsync([first, second, new PredictionRecord("k3", "m", 1, T0, "{}", "no", 0.2) { LogId = "a1b2:1:240" }]);
        // Records without a log id (written directly) are never merged.
        await log.AppendAsync([new PredictionRecord("k4", "m", 1, T0, "{}", "no", 0.3), new PredictionRecord("k4", "m", 1, T0, "{}", "no", 0.3)]);

        var read = await log.ReadAsync("m");

        Assert.Equal(["k1", "k2", "k3", "k4", "k4"], read.Select(r => r.Key));
    }
}

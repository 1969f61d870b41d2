using System.Text.Json;
using Recur.Monitoring.Incremental;

namespace Recur.Tests.Monitoring.Incremental;

/// <summary>Incremental monitoring over a real SQLite event log (and PostgreSQL's, below): batch + speed equals a replay, byte for byte.</summary>
public class IncrementalMonitorTests
{
    /// <summary>The log under test: SQLite here, PostgreSQL in the subclass.</summary>
    private protected virtual MonitorLog NewLog() => new();

    private static string Bytes(MonitoringAnswer answer) => JsonSerializer.Serialize(answer);

    [Theory]
    [InlineData("1h")]
    [InlineData("50 predictions")]
    public async Task AdvanceAsync_RunsBetweenNewEvents_EqualsReplayFromTheStart(string window)
    {
        using var log = NewLog();
        var monitor = log.Monitor();
        var subject = MonitorLog.Subject(window);

        var early = await log.PredictAsync(130, labelled: 0);
        await log.LabelAsync(early.Take(60).ToList());
        await monitor.AdvanceAsync(subject);
        await log.PredictAsync(70, shift: 1.5, version: 2);
        await log.LabelAsync(early.Skip(100).ToList()); // late labels of predictions the checkpoint holds (first labels of those keys)
        await monitor.AdvanceAsync(subject);
        await log.PredictAsync(45, shift: 0.5);
        var last = await monitor.AdvanceAsync(subject);

        var replay = await monitor.ReplayAsync(subject, ReplayStart.Start);

        Assert.Equal(245, last.Answer.Cumulative.Predictions);
        Assert.Equal(Bytes(replay.Answer), Bytes(last.Answer));
    }

    [Fact]
    public async Task AdvanceAsync_SecondRun_ReadsOnlyTheNewRowsAndSaysWhichViewEachCameFrom()
    {
        using var log = NewLog();
        var monitor = log.Monitor();
        var subject = MonitorLog.Subject("1h");
        await log.PredictAsync(90, labelled: 0);

        var first = await monitor.AdvanceAsync(subject);
        await log.PredictAsync(30, labelled: 1);
        var second = await monitor.AdvanceAsync(subject);

        Assert.Equal("no checkpoint yet", first.Rebuilt);
        Assert.True(first.CheckpointWritten);
        Assert.Null(second.Rebuilt);
        Assert.Equal(30, second.ReadPredictions);
        Assert.Equal(30, second.ReadLabelled);
        Assert.Equal(first.Answer.Through, second.Batch);
        // Minute 60 opens the second hour: 60 in the first window (batch), 30 + 30 in the second.
        Assert.Equal([(60L, 0L), (30L, 30L)], second.Views.Select(v => (v.BatchPredictions, v.SpeedPredictions)));
    }

    [Fact]
    public async Task ViewAsync_NewEvents_MergesWithoutWritingTheCheckpoint()
    {
        using var log = NewLog();
        var monitor = log.Monitor();
        var subject = MonitorLog.Subject("1h");
        await log.PredictAsync(40);
        var stored = await monitor.AdvanceAsync(subject);
        await log.PredictAsync(40);

        var view = await monitor.ViewAsync(subject);

        Assert.False(view.CheckpointWritten);
        Assert.Equal(80, view.Answer.Cumulative.Predictions);
        Assert.Equal(stored.Answer.Through, (await log.Checkpoints.ReadAsync("m"))!.Cursor);
    }

    [Fact]
    public async Task AdvanceAsync_CancelledBeforeTheEnd_LeavesThePreviousCheckpoint()
    {
        using var log = NewLog();
        var monitor = log.Monitor();
        var subject = MonitorLog.Subject("1h");
        await log.PredictAsync(40);
        await monitor.AdvanceAsync(subject);
        var before = await log.Checkpoints.ReadAsync("m");
        await log.PredictAsync(40);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => monitor.AdvanceAsync(subject, cancelled.Token));

        Assert.Equal(before, await log.Checkpoints.ReadAsync("m"));
    }

    [Fact]
    public async Task AdvanceAsync_AnotherWindowSetting_RebuildsFromTheStartAndSaysWhy()
    {
        using var log = NewLog();
        var monitor = log.Monitor();
        await log.PredictAsync(40);
        await monitor.AdvanceAsync(MonitorLog.Subject("1h"));

        var rebuilt = await monitor.AdvanceAsync(MonitorLog.Subject("1d"));

        Assert.Contains("another reference or window setting", rebuilt.Rebuilt, StringComparison.Ordinal);
        Assert.Equal(40, rebuilt.ReadPredictions);
        Assert.Equal(40, rebuilt.Answer.Cumulative.Predictions);
    }

    [Fact]
    public async Task ReplayAsync_FromALaterSeq_GivesTheSameWindowsAfterIt()
    {
        using var log = NewLog();
        var monitor = log.Monitor();
        var subject = MonitorLog.Subject("50 predictions");
        await log.PredictAsync(200);
        var all = await monitor.ReplayAsync(subject, ReplayStart.Start);

        var later = await monitor.ReplayAsync(subject, ReplayStart.Parse("101", "--replay"));

        Assert.Equal(101, later.Answer.From);
        Assert.Equal(all.Answer.Windows.Skip(2).Select(w => JsonSerializer.Serialize(w)), later.Answer.Windows.Select(w => JsonSerializer.Serialize(w)));
    }

    [Fact]
    public async Task Answer_WindowBelowMinRows_ReportsInsufficientDataNotAPValue()
    {
        using var log = NewLog();
        await log.PredictAsync(10);

        var run = await log.Monitor().ReplayAsync(MonitorLog.Subject("1h", minRows: 20), ReplayStart.Start);

        var window = Assert.Single(run.Answer.Windows);
        Assert.Null(window.DriftedShare);
        Assert.All(window.Drift, d => Assert.Equal("insufficient_data", d.Test));
        Assert.All(window.Drift, d => Assert.Null(d.PValue));
        Assert.Contains("10 rows, need 20", window.Drift[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_ShiftedInputs_DriftAndLiveMetricsCarryIntervals()
    {
        using var log = NewLog();
        await log.PredictAsync(60);
        await log.PredictAsync(60, shift: 2);

        var run = await log.Monitor().ReplayAsync(MonitorLog.Subject("1h", referenceRows: 500), ReplayStart.Start);

        var (calm, shifted) = (run.Answer.Windows[0], run.Answer.Windows[1]);
        Assert.Equal("ks", calm.Drift.Single(d => d.Feature == "x").Test);
        Assert.False(calm.Drift.Single(d => d.Feature == "x").Drifted);
        Assert.True(shifted.Drift.Single(d => d.Feature == "x").Drifted);
        Assert.True(shifted.PredictionDrift!.Drifted);
        var accuracy = run.Answer.Cumulative.Live.Single().Metrics.Single(m => m.Name == "accuracy");
        Assert.InRange(accuracy.Value, accuracy.Low, accuracy.High);
        Assert.Equal("wilson", accuracy.Method);
    }

    [Fact]
    public void Parse_ReplayStart_AcceptsStartSeqAndTimeAndNamesTheOptionOtherwise()
    {
        Assert.Equal(ReplayStart.Start, ReplayStart.Parse("start", "--replay"));
        Assert.Equal(42, ReplayStart.Parse("42", "--replay").Seq);
        Assert.Equal(MonitorLog.Origin, ReplayStart.Parse("2026-03-01T00:00:00Z", "--replay").Time);
        Assert.Equal("--replay", Assert.Throws<global::Recur.Core.RecurException>(() => ReplayStart.Parse("yesterday", "--replay")).Field);
    }
}

/// <summary>The same incremental monitoring over PostgreSQL's event log and checkpoints.</summary>
public sealed class PostgresIncrementalMonitorTests : IncrementalMonitorTests
{
    private protected override MonitorLog NewLog() => new(Recur.Tests.Storage.Postgres.PostgresTestServer.NewSchema());
}

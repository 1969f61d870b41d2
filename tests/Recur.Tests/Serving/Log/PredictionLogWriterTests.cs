using Microsoft.Extensions.Logging;
using Recur.Core.Serving;
using Recur.Serving.Log;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Serving.Log;

/// <summary>The background log writer never loses a failure silently: it counts it and logs it with its cause.</summary>
public sealed class PredictionLogWriterTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FlushAsync_StoreCannotBeWritten_CountsAndLogsTheFailureWithItsCause()
    {
        // A database path that is a folder: a real store that fails on every write.
        Directory.CreateDirectory(_dir.Path("taken"));
        var recorded = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(recorded));
        await using var writer = new PredictionLogWriter(new SqlitePredictionLog(new SqliteDatabase(_dir.Path("taken"))), factory.CreateLogger<PredictionLogWriter>());

        writer.Enqueue([new PredictionRecord("k", "m", 1, DateTimeOffset.UnixEpoch, "{}", "yes", 0.9)]);
        await writer.FlushAsync();

        Assert.Equal(1, writer.Failures);
        var failure = Assert.Single(recorded.Entries, e => e.Id.Id == 2000);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.NotNull(failure.Exception);
        Assert.Contains("1 predictions could not be written", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueDepth_RecordsEnqueuedThenWritten_CountsThemUntilTheyAreTaken()
    {
        var log = new SqlitePredictionLog(new SqliteDatabase(_dir.Path("recur.db")));
        await using var writer = new PredictionLogWriter(log);
        var records = Enumerable.Range(0, 50).Select(i => new PredictionRecord($"k{i}", "m", 1, DateTimeOffset.UnixEpoch, "{}", "yes", 0.9)).ToArray();

        writer.Enqueue(records);
        var queued = writer.Health.QueueDepth;
        await writer.FlushAsync();

        Assert.InRange(queued, 0, 50);
        Assert.Equal(0, writer.Health.QueueDepth);
        Assert.Equal(50, (await log.ReadAsync("m")).Count);
    }
}

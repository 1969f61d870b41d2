using System.Globalization;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Profiles;
using Recur.Core.Project;
using Recur.Core.Serving;
using Recur.Monitoring.Incremental;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Monitoring.Incremental;

/// <summary>A real SQLite (or PostgreSQL) log with a synthetic binary model: seeded predictions and labels, and the subject to monitor them against.</summary>
internal sealed class MonitorLog : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly Random _random = new(17);
    private long _next;

    /// <summary>A log in a SQLite file, or in PostgreSQL when <paramref name="postgres"/> (a connection string) is given.</summary>
    public MonitorLog(string? postgres = null)
    {
        if (postgres is null)
        {
            var db = new SqliteDatabase(_dir.Path("recur.db"));
            var log = new SqlitePredictionLog(db);
            (Predictions, Feedback) = (log, log);
            Events = new SqliteMonitoringEventLog(db);
            Checkpoints = new SqliteMonitorCheckpoints(db);
        }
        else
        {
            var db = new Recur.Storage.Postgres.PostgresDatabase(postgres);
            var log = new Recur.Storage.Postgres.PostgresPredictionLog(db);
            (Predictions, Feedback) = (log, log);
            Events = new Recur.Storage.Postgres.PostgresMonitoringEventLog(db);
            Checkpoints = new Recur.Storage.Postgres.PostgresMonitorCheckpoints(db);
        }
    }

    public static readonly DateTimeOffset Origin = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public IPredictionLog Predictions { get; }

    public IFeedbackStore Feedback { get; }

    public IMonitoringEventLog Events { get; }

    public IMonitorCheckpointStore Checkpoints { get; }

    public IncrementalMonitor Monitor() => new(Events, Checkpoints, TimeProvider.System);

    /// <summary>Logs predictions a minute apart (x shifted by <paramref name="shift"/>), version 1 or 2, and labels a share of them.</summary>
    public async Task<List<string>> PredictAsync(int count, double shift = 0, int version = 1, double labelled = 0.5)
    {
        var records = new List<PredictionRecord>();
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var n = _next++;
            var x = Normal() + shift;
            var score = 1 / (1 + Math.Exp(-x));
            var colour = x > 0.5 ? "red" : _random.NextDouble() < 0.1 ? "purple" : "blue";
            var key = "k" + n.ToString(CultureInfo.InvariantCulture);
            keys.Add(key);
            records.Add(new PredictionRecord(key, "m", version, Origin.AddMinutes(n), string.Create(CultureInfo.InvariantCulture, $"{{\"x\":{x:R},\"colour\":\"{colour}\"}}"),
                score >= 0.5 ? "yes" : "no", score));
        }
        await Predictions.AppendAsync(records);
        await LabelAsync(keys.Where(_ => _random.NextDouble() < labelled).ToList());
        return keys;
    }

    public Task LabelAsync(IReadOnlyList<string> keys) =>
        Feedback.AddAsync(keys.Select(k => new FeedbackRecord(k, _random.NextDouble() < 0.6 ? "yes" : "no", Origin)).ToList());

    public static MonitorSubject Subject(string window = "1h", long referenceRows = 5000, int minRows = 20)
    {
        var normal = new MathNet.Numerics.Distributions.Normal(0, 1);
        var grid = Enumerable.Range(0, 1001).Select(i => normal.InverseCumulativeDistribution(Math.Clamp(i / 1000.0, 1e-6, 1 - 1e-6))).ToList();
        var reference = new TableReference(referenceRows, new Dictionary<string, ColumnReference>
        {
            ["x"] = new(0, new NumericReference(referenceRows, 0, 1, grid), null),
            ["colour"] = new(0, null, new CategoryReference(["blue", "red"], [referenceRows * 7 / 10, referenceRows * 3 / 10], 0, 0)),
        });
        var scores = Enumerable.Range(0, 101).Select(i => 1 / (1 + Math.Exp(-grid[i * 10]))).ToList();
        return new MonitorSubject("m", ModelTask.Binary, [new("x", true), new("colour", false)], reference,
            new ColumnReference(0, new NumericReference(referenceRows, 0.5, 0.2, scores), null), 0.5, "yes",
            MonitoringWindow.Parse(window, "monitoring.window"), new MonitoringConfig { MinRows = minRows });
    }

    public void Dispose() => _dir.Dispose();

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}

using BenchmarkDotNet.Attributes;
using Recur.Core.Serving;
using Recur.Storage.Sqlite;

namespace Recur.Benchmarks;

/// <summary>Prediction-log write throughput into SQLite (WAL): one transaction per batch, as the background writer does.</summary>
public class PredictionLogBenchmarks
{
    private string _dir = "";
    private SqlitePredictionLog _log = null!;
    private PredictionRecord[] _batch = [];

    [Params(1, 100, 2048)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "recur-bench-" + Guid.NewGuid().ToString("N")[..8]);
        _log = new SqlitePredictionLog(new SqliteDatabase(Path.Combine(_dir, "recur.db")));
        const string inputs = """{"age":39,"workclass":"State-gov","education":"Bachelors","education-num":13,"marital-status":"Never-married","occupation":"Adm-clerical","relationship":"Not-in-family","race":"White","sex":"Male","capital-gain":2174,"capital-loss":0,"hours-per-week":40,"native-country":"United-States"}""";
        _batch = Enumerable.Range(0, BatchSize).Select(i => new PredictionRecord($"key-{i}", "adult", 1, DateTimeOffset.UnixEpoch.AddSeconds(i), inputs, "<=50K", 0.12)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public Task AppendBatch() => _log.AppendAsync(_batch);
}

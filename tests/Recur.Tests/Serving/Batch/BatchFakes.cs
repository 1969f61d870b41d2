using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Core.Serving;
using Recur.Serving;
using Recur.Serving.Batch;
using Recur.Serving.Log;

namespace Recur.Tests.Serving.Batch;

/// <summary>A model whose score is a row's 'x' divided by 100, so every output can be checked against its input.</summary>
internal sealed class ScaledPredictor : IPredictor
{
    public static readonly FeaturePlan Plan = new([new FeatureSpec("x", ColumnType.Integer, true), new FeatureSpec("colour", ColumnType.Text, true)], "y", "yes", "no");

    public ModelManifest Manifest { get; } = new(ModelManifest.CurrentFormat, "m", "fake", Plan, 0.5, new Dictionary<string, string>(), 10, 1);

    public ModelOutput Predict(DataTable rows)
    {
        var x = ((NumericColumn)rows["x"]).Values;
        return ModelOutput.Binary([.. x.Select(v => double.IsNaN(v) ? 0.5 : v / 100)], Plan, 0.5);
    }
}

/// <summary>A prediction log in memory.</summary>
internal sealed class MemoryLog : IPredictionLog
{
    public List<PredictionRecord> Records { get; } = [];

    public Task AppendAsync(IReadOnlyList<PredictionRecord> records, CancellationToken ct = default)
    {
        lock (Records) Records.AddRange(records);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PredictionRecord>> ReadAsync(string model, DateTimeOffset? since = null, int limit = int.MaxValue, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PredictionRecord>>(Records);

    public Task<IReadOnlyList<PredictionRecord>> FindByKeysAsync(string model, IReadOnlyCollection<string> keys, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PredictionRecord>>([.. Records.Where(r => keys.Contains(r.Key))]);

    public Task<IReadOnlyList<PredictionRecord>> ReadRouteAsync(string model, string route, DateTimeOffset? since = null, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PredictionRecord>>([.. Records.Where(r => r.Route == route)]);
}

/// <summary>Keeps every chunk handed to it, in the order received.</summary>
internal sealed class CollectingSink : IBatchSink
{
    public List<ScoredChunk> Chunks { get; } = [];

    public bool Completed { get; private set; }

    public Task WriteAsync(ScoredChunk chunk, CancellationToken ct = default)
    {
        Chunks.Add(chunk);
        return Task.CompletedTask;
    }

    public Task CompleteAsync(CancellationToken ct = default)
    {
        Completed = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A scorer over <see cref="ScaledPredictor"/> with an in-memory log.</summary>
internal sealed class ScorerFixture : IAsyncDisposable
{
    public ScorerFixture()
    {
        Writer = new PredictionLogWriter(Log);
        var pool = new ModelPool(null!, null!, TimeProvider.System);
        Service = new PredictionService(pool, Writer, TimeProvider.System, new ServingConfig());
        Scorer = new BatchScorer(Service, Writer, new ServingConfig());
    }

    public MemoryLog Log { get; } = new();

    public PredictionLogWriter Writer { get; }

    public PredictionService Service { get; }

    public BatchScorer Scorer { get; }

    public LoadedModel Loaded { get; } = new(new ModelVersion("m", 3, "sha", DateTimeOffset.UnixEpoch, new ModelLineage([], "c", "v", 1, "fake", new Dictionary<string, string>()),
        new Dictionary<string, double>(), "", []), new ScaledPredictor());

    public ValueTask DisposeAsync() => Writer.DisposeAsync();
}

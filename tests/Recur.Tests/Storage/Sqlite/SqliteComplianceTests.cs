using Recur.Core.Lake;
using Recur.Core.Monitoring;
using Recur.Core.Registry;
using Recur.Core.Serving;
using Recur.Storage.Sqlite;
using Recur.Tests.Storage.Compliance;

namespace Recur.Tests.Storage.Sqlite;

/// <summary>The registry compliance suite against a real SQLite file.</summary>
public sealed class SqliteRegistryComplianceTests : RegistryStoreCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override IRegistryStore NewStore() => new SqliteRegistryStore(new SqliteDatabase(_dir.Path($"{Guid.NewGuid():N}.db")), TimeProvider.System);

    protected override (IRegistryStore A, IRegistryStore B) NewReplicas()
    {
        var file = _dir.Path($"{Guid.NewGuid():N}.db");
        return (new SqliteRegistryStore(new SqliteDatabase(file), TimeProvider.System), new SqliteRegistryStore(new SqliteDatabase(file), TimeProvider.System));
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>The prediction-log compliance suite against a real SQLite file.</summary>
public sealed class SqlitePredictionLogComplianceTests : PredictionLogCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override (IPredictionLog A, IPredictionLog B) NewReplicas()
    {
        var file = _dir.Path($"{Guid.NewGuid():N}.db");
        return (new SqlitePredictionLog(new SqliteDatabase(file)), new SqlitePredictionLog(new SqliteDatabase(file)));
    }

    protected override (IPredictionLog Log, IFeedbackStore Feedback) NewStore()
    {
        var log = new SqlitePredictionLog(new SqliteDatabase(_dir.Path($"{Guid.NewGuid():N}.db")));
        return (log, log);
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>The snapshot catalogue compliance suite against a real SQLite file.</summary>
public sealed class SqliteSnapshotCatalogComplianceTests : SnapshotCatalogCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override ISnapshotCatalog NewStore() => new SqliteSnapshotCatalog(new SqliteDatabase(_dir.Path($"{Guid.NewGuid():N}.db")));

    public void Dispose() => _dir.Dispose();
}

/// <summary>The feedback compliance suite against a real SQLite file.</summary>
public sealed class SqliteFeedbackComplianceTests : FeedbackStoreCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override (IPredictionLog Log, IFeedbackStore Feedback) NewStore()
    {
        var log = new SqlitePredictionLog(new SqliteDatabase(_dir.Path($"{Guid.NewGuid():N}.db")));
        return (log, log);
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>The decision-policy compliance suite against a real SQLite file.</summary>
public sealed class SqlitePolicyStoreComplianceTests : PolicyStoreCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override (IRegistryStore Registry, IPolicyStore Policies) NewStores()
    {
        var db = new SqliteDatabase(_dir.Path($"{Guid.NewGuid():N}.db"));
        return (new SqliteRegistryStore(db, TimeProvider.System), new SqlitePolicyStore(db, TimeProvider.System));
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>The published-predictions compliance suite against a real SQLite file.</summary>
public sealed class SqlitePublishedPredictionsComplianceTests : PublishedPredictionsCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override IPublishedPredictions NewStore() => new SqlitePublishedPredictions(new SqliteDatabase(_dir.Path($"{Guid.NewGuid():N}.db")));

    public void Dispose() => _dir.Dispose();
}

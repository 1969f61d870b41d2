using Recur.Core.Lake;
using Recur.Core.Monitoring;
using Recur.Core.Registry;
using Recur.Core.Serving;
using Recur.Storage.Postgres;
using Recur.Tests.Storage.Compliance;

namespace Recur.Tests.Storage.Postgres;

/// <summary>The registry compliance suite against a real PostgreSQL, each store on a schema of its own.</summary>
public sealed class PostgresRegistryComplianceTests : RegistryStoreCompliance
{
    protected override IRegistryStore NewStore() => new PostgresRegistryStore(new PostgresDatabase(PostgresTestServer.NewSchema()), TimeProvider.System);

    protected override (IRegistryStore A, IRegistryStore B) NewReplicas()
    {
        var schema = PostgresTestServer.NewSchema();
        return (new PostgresRegistryStore(new PostgresDatabase(schema), TimeProvider.System), new PostgresRegistryStore(new PostgresDatabase(schema), TimeProvider.System));
    }
}

/// <summary>The registry events compliance suite against a real PostgreSQL.</summary>
public sealed class PostgresRegistryEventsComplianceTests : RegistryEventsCompliance
{
    protected override (IRegistryStore Registry, IRegistryEvents Events) NewStore(string actor, IRegistryEventSink? sink)
    {
        var store = new PostgresRegistryStore(new PostgresDatabase(PostgresTestServer.NewSchema()), TimeProvider.System, null, new RegistryActor(actor), sink);
        return (store, store);
    }
}

/// <summary>The prediction-log compliance suite against a real PostgreSQL.</summary>
public sealed class PostgresPredictionLogComplianceTests : PredictionLogCompliance
{
    protected override (IPredictionLog Log, IFeedbackStore Feedback) NewStore()
    {
        var log = new PostgresPredictionLog(new PostgresDatabase(PostgresTestServer.NewSchema()));
        return (log, log);
    }

    protected override (IPredictionLog A, IPredictionLog B) NewReplicas()
    {
        var schema = PostgresTestServer.NewSchema();
        return (new PostgresPredictionLog(new PostgresDatabase(schema)), new PostgresPredictionLog(new PostgresDatabase(schema)));
    }
}

/// <summary>The prediction-log compliance suite with every batch written by INSERT rather than COPY, so both paths are held to it.</summary>
public sealed class PostgresPredictionLogInsertComplianceTests : PredictionLogCompliance
{
    protected override (IPredictionLog Log, IFeedbackStore Feedback) NewStore()
    {
        var log = new PostgresPredictionLog(new PostgresDatabase(PostgresTestServer.NewSchema())) { CopyFrom = int.MaxValue };
        return (log, log);
    }

    protected override (IPredictionLog A, IPredictionLog B) NewReplicas()
    {
        var schema = PostgresTestServer.NewSchema();
        return (new PostgresPredictionLog(new PostgresDatabase(schema)) { CopyFrom = int.MaxValue }, new PostgresPredictionLog(new PostgresDatabase(schema)) { CopyFrom = int.MaxValue });
    }
}

/// <summary>The snapshot catalogue compliance suite against a real PostgreSQL.</summary>
public sealed class PostgresSnapshotCatalogComplianceTests : SnapshotCatalogCompliance
{
    protected override ISnapshotCatalog NewStore() => new PostgresSnapshotCatalog(new PostgresDatabase(PostgresTestServer.NewSchema()));
}

/// <summary>The feedback compliance suite against a real PostgreSQL.</summary>
public sealed class PostgresFeedbackComplianceTests : FeedbackStoreCompliance
{
    protected override (IPredictionLog Log, IFeedbackStore Feedback) NewStore()
    {
        var log = new PostgresPredictionLog(new PostgresDatabase(PostgresTestServer.NewSchema()));
        return (log, log);
    }
}

/// <summary>The decision-policy compliance suite against a real PostgreSQL.</summary>
public sealed class PostgresPolicyStoreComplianceTests : PolicyStoreCompliance
{
    protected override (IRegistryStore Registry, IPolicyStore Policies) NewStores()
    {
        var db = new PostgresDatabase(PostgresTestServer.NewSchema());
        return (new PostgresRegistryStore(db, TimeProvider.System), new PostgresPolicyStore(db, TimeProvider.System));
    }
}

/// <summary>The published-predictions compliance suite against a real PostgreSQL.</summary>
public sealed class PostgresPublishedPredictionsComplianceTests : PublishedPredictionsCompliance
{
    protected override IPublishedPredictions NewStore() => new PostgresPublishedPredictions(new PostgresDatabase(PostgresTestServer.NewSchema()));
}

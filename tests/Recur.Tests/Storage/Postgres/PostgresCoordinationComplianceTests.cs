using Recur.Core.Coordination;
using Recur.Storage.Postgres;
using Recur.Tests.Storage.Compliance;

namespace Recur.Tests.Storage.Postgres;

/// <summary>The lease compliance suite against a real PostgreSQL (a fresh schema per store).</summary>
public sealed class PostgresLeaseStoreComplianceTests : LeaseStoreCompliance
{
    protected override ILeaseStore NewStore() => new PostgresLeaseStore(new PostgresDatabase(PostgresTestServer.NewSchema()));
}

/// <summary>The job-queue compliance suite against a real PostgreSQL (a fresh schema per queue).</summary>
public sealed class PostgresJobQueueComplianceTests : JobQueueCompliance
{
    protected override IJobQueue NewQueue() => new PostgresJobQueue(new PostgresDatabase(PostgresTestServer.NewSchema()));
}

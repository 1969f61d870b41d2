using Recur.Core.Coordination;
using Recur.Storage.Sqlite;
using Recur.Tests.Storage.Compliance;

namespace Recur.Tests.Storage.Sqlite;

/// <summary>The lease compliance suite against a real SQLite file.</summary>
public sealed class SqliteLeaseStoreComplianceTests : LeaseStoreCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override ILeaseStore NewStore() => new SqliteLeaseStore(new SqliteDatabase(_dir.Path($"{Guid.NewGuid():N}.db")), TimeProvider.System);

    public void Dispose() => _dir.Dispose();
}

/// <summary>The job-queue compliance suite against a real SQLite file.</summary>
public sealed class SqliteJobQueueComplianceTests : JobQueueCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override IJobQueue NewQueue() => new SqliteJobQueue(new SqliteDatabase(_dir.Path($"{Guid.NewGuid():N}.db")), TimeProvider.System);

    public void Dispose() => _dir.Dispose();
}

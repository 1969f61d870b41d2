using Recur.Core.Security;
using Recur.Storage.Sqlite;
using Recur.Tests.Storage.Compliance;

namespace Recur.Tests.Storage.Sqlite;

/// <summary>The API key compliance suite against a real SQLite file.</summary>
public sealed class SqliteApiKeyStoreComplianceTests : ApiKeyStoreCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override IApiKeyStore NewStore() => new SqliteApiKeyStore(new SqliteDatabase(_dir.Path($"{Guid.NewGuid():N}.db")));

    public void Dispose() => _dir.Dispose();
}

using Recur.Core.Security;
using Recur.Storage.Postgres;
using Recur.Tests.Storage.Compliance;

namespace Recur.Tests.Storage.Postgres;

/// <summary>The API key compliance suite against a real PostgreSQL (a fresh schema per store).</summary>
public sealed class PostgresApiKeyStoreComplianceTests : ApiKeyStoreCompliance
{
    protected override IApiKeyStore NewStore() => new PostgresApiKeyStore(new PostgresDatabase(PostgresTestServer.NewSchema()));
}

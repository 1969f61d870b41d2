using Recur.Core.Profiles;
using Recur.Lake.Profiling;
using Recur.Tests.Storage.Compliance;

namespace Recur.Tests.Lake.Profiling;

/// <summary>The profile-store compliance suite against a real folder of JSON files.</summary>
public sealed class ProfileFilesComplianceTests : ProfileStoreCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override IProfileStore NewStore() => new ProfileFiles(_dir.Path("lake"));

    protected override int PartialWrites() => Directory.Exists(_dir.Path("lake"))
        ? Directory.GetFiles(_dir.Path("lake"), "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }).Length
        : 0;

    public void Dispose() => _dir.Dispose();
}

using Recur.Core.Registry;
using Recur.Registry.Artifacts;
using Recur.Tests.Storage.Compliance;

namespace Recur.Tests.Registry.Artifacts;

/// <summary>The artifact-store compliance suite against a real folder.</summary>
public sealed class FileArtifactStoreComplianceTests : ArtifactStoreCompliance
{
    private readonly TempDir _dir = new();

    protected override IArtifactStore NewStore() => new FileArtifactStore(_dir.Path("artifacts"));

    protected override int PartialWrites() => Directory.Exists(_dir.Path("artifacts"))
        ? Directory.GetFiles(_dir.Path("artifacts"), "*.tmp", new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = true }).Length
        : 0;

    public override void Dispose()
    {
        _dir.Dispose();
        base.Dispose();
    }
}

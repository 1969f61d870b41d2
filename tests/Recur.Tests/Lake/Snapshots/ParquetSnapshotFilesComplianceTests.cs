using Recur.Core.Lake;
using Recur.Lake.Snapshots;
using Recur.Tests.Storage.Compliance;

namespace Recur.Tests.Lake.Snapshots;

/// <summary>The snapshot-files compliance suite against a real lake folder of Parquet files.</summary>
public sealed class ParquetSnapshotFilesComplianceTests : SnapshotFilesCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override ISnapshotFiles NewStore() => new ParquetSnapshotFiles(_dir.Path("lake"));

    // Temporary files are hidden (a leading dot), so count them with hidden files included.
    protected override int PartialWrites() => Directory.Exists(_dir.Path("lake"))
        ? Directory.GetFiles(_dir.Path("lake"), "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }).Length
        : 0;

    public void Dispose() => _dir.Dispose();
}

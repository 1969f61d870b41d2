using Recur.Core.Project;
using Recur.Lake;
using Recur.Lake.Snapshots;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Lake.Ingest;

/// <summary>Ingests a source into a fresh lake in a temporary folder, as <c>recur ingest</c> does.</summary>
internal static class IngestSources
{
    public static async Task<IngestOutcome> IngestAsync(TempDir dir, string path, DatasetConfig? config = null, Stream? stdin = null, string? lake = null)
    {
        lake ??= dir.Path("lake-" + Guid.NewGuid().ToString("N")[..8]);
        var db = new SqliteDatabase(Path.Combine(lake, "recur.db"));
        var ingestor = new LakeIngestor(new ParquetSnapshotFiles(lake), new SqliteSnapshotCatalog(db), TimeProvider.System);
        return await ingestor.IngestAsync("d", path, Path.GetFileName(path), config ?? new DatasetConfig(), stdin);
    }
}

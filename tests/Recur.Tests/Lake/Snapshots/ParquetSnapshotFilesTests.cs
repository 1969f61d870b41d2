using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake;
using Recur.Lake.Ingest;
using Recur.Lake.Snapshots;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Lake.Snapshots;

public sealed class ParquetSnapshotFilesTests
{
    private static DataTable Sample() => new([
        new NumericColumn(new ColumnSpec("n", ColumnType.Integer), [1, double.NaN, 3]),
        new NumericColumn(new ColumnSpec("r", ColumnType.Real), [0.5, 1.25, double.NaN]),
        new TextColumn(new ColumnSpec("t", ColumnType.Text), ["a", null, ""]),
    ]);

    [Fact]
    public async Task WriteAsync_ThenReadAsync_RoundTripsValuesAndMissing()
    {
        using var dir = new TempDir();
        var files = new ParquetSnapshotFiles(dir.Root);
        var table = Sample();
        var id = SnapshotHasher.Hash(table);

        Assert.True(await files.WriteAsync(id, table));
        var read = await files.ReadAsync(id, table.Schema.Columns);

        Assert.Equal(((NumericColumn)table["n"]).Values, ((NumericColumn)read["n"]).Values);
        Assert.Equal(((NumericColumn)table["r"]).Values, ((NumericColumn)read["r"]).Values);
        Assert.Equal(((TextColumn)table["t"]).Values, ((TextColumn)read["t"]).Values);
        Assert.Equal(id, SnapshotHasher.Hash(read));
        Assert.Empty(Directory.GetFiles(dir.Root, "*.tmp"));
    }

    [Fact]
    public void Hash_MissingAndEmptyText_Differ()
    {
        var a = new DataTable([new TextColumn(new ColumnSpec("t", ColumnType.Text), [null])]);
        var b = new DataTable([new TextColumn(new ColumnSpec("t", ColumnType.Text), [""])]);

        Assert.NotEqual(SnapshotHasher.Hash(a), SnapshotHasher.Hash(b));
    }

    [Fact]
    public async Task IngestAsync_SameDataTwice_ReusesTheSnapshot()
    {
        using var dir = new TempDir();
        var db = new SqliteDatabase(dir.Path("recur.db"));
        var ingestor = new LakeIngestor(new ParquetSnapshotFiles(dir.Path("lake")), new SqliteSnapshotCatalog(db), TimeProvider.System);
        var csv = dir.Write("a.csv", "x,y\n1,a\n2,b\noops\n");

        var first = await ingestor.IngestAsync("d", csv, "a.csv", new DatasetConfig());
        var second = await ingestor.IngestAsync("d", csv, "a.csv", new DatasetConfig());

        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(first.Snapshot.Id, second.Snapshot.Id);
        Assert.Equal(2, first.Snapshot.Rows);
        Assert.Equal(1, first.Snapshot.Quarantined);
        Assert.Single(Directory.GetFiles(dir.Path("lake"), "*.parquet"));
        var quarantined = Assert.Single(await new SqliteSnapshotCatalog(db).QuarantineAsync(first.Snapshot.Id));
        Assert.Equal(4, quarantined.Line);
    }

    [Fact]
    public async Task IngestAsync_BadFile_StoresNothing()
    {
        using var dir = new TempDir();
        var db = new SqliteDatabase(dir.Path("recur.db"));
        var catalog = new SqliteSnapshotCatalog(db);
        var ingestor = new LakeIngestor(new ParquetSnapshotFiles(dir.Path("lake")), catalog, TimeProvider.System);
        var csv = dir.Write("empty.csv", "");

        await Assert.ThrowsAsync<Recur.Core.RecurException>(() => ingestor.IngestAsync("d", csv, "empty.csv", new DatasetConfig()));

        Assert.Empty(await catalog.ListAsync());
        Assert.False(Directory.Exists(dir.Path("lake")) && Directory.EnumerateFileSystemEntries(dir.Path("lake")).Any());
    }
}

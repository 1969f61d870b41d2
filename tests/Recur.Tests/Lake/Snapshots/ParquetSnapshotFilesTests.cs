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
    public async Task WriteAsync_AwkwardNamesAndValues_RoundTripExactly()
    {
        using var dir = new TempDir();
        var files = new ParquetSnapshotFiles(dir.Root);
        const int rows = 70_000;
        var longText = Enumerable.Range(0, rows).Select(i => i % 9 == 0 ? null : $"{i}:" + new string('ü', 300)).ToArray();
        double[] edge = [-(1L << 53), 1L << 53, -1, 0, long.MaxValue / 1024];
        double[] reals = [-0.0, double.Epsilon, double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, 1e-300, double.NaN];
        var table = new DataTable([
            new TextColumn(new ColumnSpec("a.b", ColumnType.Text), new string?[rows]),
            new TextColumn(new ColumnSpec("ü col, \"quoted\"", ColumnType.Text), longText),
            new NumericColumn(new ColumnSpec("i", ColumnType.Integer), Enumerable.Range(0, rows).Select(r => edge[r % edge.Length]).ToArray()),
            new NumericColumn(new ColumnSpec("r", ColumnType.Real), Enumerable.Range(0, rows).Select(r => reals[r % reals.Length]).ToArray()),
        ]);
        var id = SnapshotHasher.Hash(table);

        Assert.True(await files.WriteAsync(id, table));
        var read = await files.ReadAsync(id, table.Schema.Columns);

        Assert.All(((TextColumn)read["a.b"]).Values, Assert.Null);
        Assert.Equal(longText, ((TextColumn)read["ü col, \"quoted\""]).Values);
        Assert.Equal(((NumericColumn)table["i"]).Values, ((NumericColumn)read["i"]).Values);
        var expected = ((NumericColumn)table["r"]).Values.Select(BitConverter.DoubleToInt64Bits);
        Assert.Equal(expected, ((NumericColumn)read["r"]).Values.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(id, SnapshotHasher.Hash(read));
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
    public async Task IngestAsync_TextAsCodes_HashesAndStoresTheSameRowsAsTheStrings()
    {
        using var dir = new TempDir();
        var files = new ParquetSnapshotFiles(dir.Path("lake"));
        var ingestor = new LakeIngestor(files, new SqliteSnapshotCatalog(new SqliteDatabase(dir.Path("recur.db"))), TimeProvider.System);
        // Categories with missing values, a value past 16 bytes, non-ASCII text, and a quarantined row
        // in the middle (its codes are dropped with it). 70,000 rows: more than one batch.
        var lines = Enumerable.Range(0, 70_000).Select(i => i == 40_000 ? $"{i},oops,x" : $"{i},{i % 7},{(i % 11 == 0 ? "" : i % 5 == 0 ? "a-rather-long-category-name" : $"c{i % 13}é")}");
        var csv = dir.Write("t.csv", "id,n,t\n" + string.Join("\n", lines) + "\n");

        var outcome = await ingestor.IngestAsync("d", csv, "t.csv", new DatasetConfig());
        var read = await files.ReadAsync(outcome.Snapshot.Id, outcome.Snapshot.Schema);

        Assert.Equal(69_999, read.RowCount);
        Assert.Equal(outcome.Snapshot.Id, SnapshotHasher.Hash(read));
        var texts = ((TextColumn)read["t"]).Values;
        Assert.Null(texts[0]);
        Assert.Equal("a-rather-long-category-name", texts[5]);
        Assert.Equal("c1é", texts[1]);
        // Past the quarantined row, row 40,000 holds source row 40,001.
        Assert.Equal(40_001, ((NumericColumn)read["id"]).Values[40_000]);
        Assert.Equal($"c{40_001 % 13}é", texts[40_000]);
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

    [Fact]
    public async Task IngestAsync_FolderGainsAPartition_WritesOnlyTheNewPartition()
    {
        using var dir = new TempDir();
        var db = new SqliteDatabase(dir.Path("recur.db"));
        var files = new ParquetSnapshotFiles(dir.Path("lake"));
        var ingestor = new LakeIngestor(files, new SqliteSnapshotCatalog(db), TimeProvider.System);
        dir.Write("events/date=2024-01-01/part-0.csv", "id,v\n1,10\n2,20\n");
        dir.Write("events/date=2024-01-02/part-0.csv", "id,v\n3,30\n");
        var first = await ingestor.IngestAsync("events", dir.Path("events"), "events", new DatasetConfig());
        var before = Directory.GetFiles(dir.Path("lake"), "*.parquet").ToDictionary(f => f, File.GetLastWriteTimeUtc);

        dir.Write("events/date=2024-01-03/part-0.csv", "id,v\n4,40\n");
        var second = await ingestor.IngestAsync("events", dir.Path("events"), "events", new DatasetConfig());

        Assert.NotEqual(first.Snapshot.Id, second.Snapshot.Id);
        var after = Directory.GetFiles(dir.Path("lake"), "*.parquet");
        Assert.Equal(before.Count + 1, after.Length);
        Assert.All(before, b => Assert.Equal(b.Value, File.GetLastWriteTimeUtc(b.Key)));
        Assert.Equal(3, files.SegmentsOf(second.Snapshot.Id).Count);
        var table = await files.ReadAsync(second.Snapshot.Id, second.Snapshot.Schema);
        Assert.Equal([10.0, 20, 30, 40], ((NumericColumn)table["v"]).Values);
        Assert.Equal(4, second.Snapshot.Rows);
    }

    [Fact]
    public async Task IngestAsync_SameFolderTwice_ReusesTheSnapshotAndWritesNothing()
    {
        using var dir = new TempDir();
        var db = new SqliteDatabase(dir.Path("recur.db"));
        var files = new ParquetSnapshotFiles(dir.Path("lake"));
        var ingestor = new LakeIngestor(files, new SqliteSnapshotCatalog(db), TimeProvider.System);
        dir.Write("events/date=2024-01-01/part-0.csv", "id,v\n1,10\n");
        dir.Write("events/date=2024-01-02/part-0.csv", "id,v\n3,30\n");

        var first = await ingestor.IngestAsync("events", dir.Path("events"), "events", new DatasetConfig());
        var count = Directory.GetFiles(dir.Path("lake")).Length;
        var second = await ingestor.IngestAsync("events", dir.Path("events"), "events", new DatasetConfig());

        Assert.True(second.Reused);
        Assert.Equal(first.Snapshot.Id, second.Snapshot.Id);
        Assert.Equal(count, Directory.GetFiles(dir.Path("lake")).Length);
    }
}

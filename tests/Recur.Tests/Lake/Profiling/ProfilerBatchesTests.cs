using System.Text.Json;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake;
using Recur.Core.Profiles;
using Recur.Lake.Profiling;
using Recur.Lake.Snapshots;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Lake.Profiling;

public sealed class ProfilerBatchesTests
{
    private static DataTable Random(int rows, int seed)
    {
        var random = new Random(seed);
        double Number() => random.Next(20) switch { 0 => double.NaN, 1 => -0.0, 2 => 0.0, _ => Math.Round(random.NextDouble() * 100, random.Next(4)) };
        string? Text() => random.Next(15) switch { 0 => null, 1 => "", _ => $"v{random.Next(40)}" };
        return new DataTable([
            new NumericColumn(new ColumnSpec("i", ColumnType.Integer), Enumerable.Range(0, rows).Select(_ => random.Next(10) == 0 ? double.NaN : random.Next(-50, 50)).ToArray()),
            new NumericColumn(new ColumnSpec("r", ColumnType.Real), Enumerable.Range(0, rows).Select(_ => Number()).ToArray()),
            new TextColumn(new ColumnSpec("t", ColumnType.Text), Enumerable.Range(0, rows).Select(_ => Text()).ToArray()),
            new TextColumn(new ColumnSpec("empty", ColumnType.Text), new string?[rows]),
        ]);
    }

    private static IEnumerable<DataTable> Slices(DataTable table, int size)
    {
        for (var start = 0; start < table.RowCount; start += size)
        {
            yield return table.Take(Enumerable.Range(start, Math.Min(size, table.RowCount - start)).ToArray());
        }
    }

    private static string Json(TableProfile profile) => JsonSerializer.Serialize(profile);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(5000)]
    public async Task ProfileAsync_InBatches_EqualsTheWholeTable(int batch)
    {
        var table = Random(5000, 11);

        var whole = Profiler.Profile(table);
        var batched = await Profiler.ProfileAsync(Slices(table, batch).ToAsyncEnumerable(), table.Schema.Columns);

        Assert.Equal(Json(whole), Json(batched));
    }

    [Fact]
    public async Task ReadBatchesAsync_SegmentsAndRowGroups_GiveTheRowsInOrder()
    {
        using var dir = new TempDir();
        var files = new ParquetSnapshotFiles(dir.Path("lake"));
        var ingestor = new LakeIngestor(files, new SqliteSnapshotCatalog(new SqliteDatabase(dir.Path("recur.db"))), TimeProvider.System);
        dir.Write("events/date=2024-01-01/part-0.csv", "id,v\n" + string.Concat(Enumerable.Range(0, 70_000).Select(i => $"{i},c{i % 9}\n")));
        dir.Write("events/date=2024-01-02/part-0.csv", "id,v\n" + string.Concat(Enumerable.Range(70_000, 10).Select(i => $"{i},\n")));
        var snapshot = (await ingestor.IngestAsync("events", dir.Path("events"), "events", new DatasetConfig())).Snapshot;

        var batches = await files.ReadBatchesAsync(snapshot.Id, snapshot.Schema).ToListAsync();
        var whole = await files.ReadAsync(snapshot.Id, snapshot.Schema);

        Assert.True(batches.Count >= 3);
        Assert.Equal(((NumericColumn)whole["id"]).Values, batches.SelectMany(b => ((NumericColumn)b["id"]).Values));
        Assert.Equal(((TextColumn)whole["v"]).Values, batches.SelectMany(b => ((TextColumn)b["v"]).Values));
        Assert.Equal(Json(Profiler.Profile(whole)), Json(await Profiler.ProfileAsync(files.ReadBatchesAsync(snapshot.Id, snapshot.Schema), snapshot.Schema)));
    }
}

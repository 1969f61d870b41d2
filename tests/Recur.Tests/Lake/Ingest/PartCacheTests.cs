using Recur.Core.Project;
using Recur.Lake;
using Recur.Lake.Snapshots;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Lake.Ingest;

public sealed class PartCacheTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private LakeIngestor Lake(string name) => new(new ParquetSnapshotFiles(_dir.Path($"{name}/lake")),
        new SqliteSnapshotCatalog(new SqliteDatabase(_dir.Path($"{name}.db"))), TimeProvider.System);

    private Task<IngestOutcome> Ingest(LakeIngestor lake, bool useCache = true) =>
        lake.IngestAsync("events", _dir.Path("events"), "events", new DatasetConfig(), useCache: useCache);

    // What a lake that never saw the folder stores for it: the reference every cached ingest must match.
    private async Task AssertSameAsAFreshIngest(IngestOutcome cached)
    {
        var fresh = await Ingest(Lake(Guid.NewGuid().ToString("N")), useCache: false);
        Assert.Equal(fresh.Snapshot.Id, cached.Snapshot.Id);
        Assert.Equal(fresh.Snapshot.Rows, cached.Snapshot.Rows);
        Assert.Equal(fresh.Snapshot.Schema, cached.Snapshot.Schema);
        Assert.Equal(fresh.Quarantined, cached.Quarantined);
    }

    // v is numeric (one word in 61 values: quarantined on line 4) with a missing value; kind has a missing value.
    private void Partitions()
    {
        _dir.Write("events/date=2024-01-01/part-0.csv", "id,v,kind\n1,10,a\n2,,b\n3,oops,a\n" + string.Concat(Enumerable.Range(100, 40).Select(i => $"{i},{i},a\n")));
        _dir.Write("events/date=2024-01-02/part-0.csv", "id,v,kind\n4,40,\n5,50,c\n" + string.Concat(Enumerable.Range(200, 20).Select(i => $"{i},{i}.5,b\n")));
    }

    [Fact]
    public async Task IngestAsync_UnchangedFolder_ReadsNoFileAndStoresTheSameSnapshot()
    {
        Partitions();
        var lake = Lake("a");

        var first = await Ingest(lake);
        var second = await Ingest(lake);

        Assert.Equal(0, first.PartsFromCache);
        Assert.Equal(2, second.PartsFromCache);
        Assert.True(second.Reused);
        Assert.Equal(first.Snapshot.Id, second.Snapshot.Id);
        Assert.Equal(first.Snapshot.Schema, second.Snapshot.Schema);
        Assert.Equal(first.Quarantined, second.Quarantined);
        Assert.Contains(second.Quarantined, q => q.Line == 4 && q.Reason.Contains("'oops'"));
        await AssertSameAsAFreshIngest(second);
    }

    [Fact]
    public async Task IngestAsync_NewPartition_ReadsOnlyTheNewFile()
    {
        Partitions();
        var lake = Lake("a");
        await Ingest(lake);

        _dir.Write("events/date=2024-01-03/part-0.csv", "id,v,kind\n6,60,a\n");
        var third = await Ingest(lake);

        Assert.Equal(2, third.PartsFromCache);
        Assert.False(third.Reused);
        Assert.Equal(65, third.Snapshot.Rows);
        await AssertSameAsAFreshIngest(third);
    }

    [Fact]
    public async Task IngestAsync_NewPartitionTurnsAColumnToText_ReadsEveryFileAgain()
    {
        Partitions();
        var lake = Lake("a");
        await Ingest(lake);

        // Words outnumber the numbers now: v becomes text, and the old partitions' segments no longer fit.
        _dir.Write("events/date=2024-01-03/part-0.csv", "id,v,kind\n" + string.Concat(Enumerable.Range(6, 80).Select(i => $"{i},w{i},a\n")));
        var third = await Ingest(lake);

        Assert.Equal(0, third.PartsFromCache);
        Assert.Equal(Recur.Core.Data.ColumnType.Text, third.Snapshot.Schema.Single(c => c.Name == "v").Type);
        await AssertSameAsAFreshIngest(third);
        // And the files read this time are known from now on.
        Assert.Equal(3, (await Ingest(lake)).PartsFromCache);
    }

    [Fact]
    public async Task IngestAsync_FileChanged_ReadsItAgain()
    {
        Partitions();
        var lake = Lake("a");
        await Ingest(lake);

        File.AppendAllText(_dir.Path("events/date=2024-01-02/part-0.csv"), "7,70,c\n");
        var second = await Ingest(lake);

        Assert.Equal(1, second.PartsFromCache);
        Assert.Equal(65, second.Snapshot.Rows);
        await AssertSameAsAFreshIngest(second);
    }

    [Fact]
    public async Task IngestAsync_DamagedCacheOrMissingSegment_ReadsTheFileAgain()
    {
        Partitions();
        var lake = Lake("a");
        var first = await Ingest(lake);
        var parts = _dir.Path("a/lake/parts");
        var entries = Directory.GetFiles(parts, "*.part.json").Order().ToArray();
        File.WriteAllText(entries[0], "{ not json");
        foreach (var segment in new ParquetSnapshotFiles(_dir.Path("a/lake")).SegmentsOf(first.Snapshot.Id).Take(1))
        {
            File.Delete(_dir.Path($"a/lake/{segment}.parquet"));
        }

        var second = await Ingest(lake);

        Assert.True(second.PartsFromCache < 2);
        Assert.Equal(first.Snapshot.Id, second.Snapshot.Id);
        Assert.All(new ParquetSnapshotFiles(_dir.Path("a/lake")).SegmentsOf(second.Snapshot.Id), s => Assert.True(File.Exists(_dir.Path($"a/lake/{s}.parquet"))));
    }

    [Fact]
    public async Task IngestAsync_WithoutTheCache_ReadsEveryFile()
    {
        Partitions();
        var lake = Lake("a");
        await Ingest(lake);

        foreach (var entry in Directory.GetFiles(_dir.Path("a/lake/parts"), "*.part.json")) File.Delete(entry);
        var again = await Ingest(lake, useCache: false);
        var after = await Ingest(lake);

        Assert.Equal(0, again.PartsFromCache);
        Assert.True(again.Reused);
        // Reading without the cache refreshes it.
        Assert.Equal(2, after.PartsFromCache);
    }

    [Fact]
    public async Task IngestAsync_OtherSettings_DoNotUseTheCache()
    {
        Partitions();
        var lake = Lake("a");
        await Ingest(lake);

        var other = await lake.IngestAsync("events", _dir.Path("events"), "events", new DatasetConfig { Missing = ["a"] });

        Assert.Equal(0, other.PartsFromCache);
    }

    [Fact]
    public void GeneratedJson_WritesSettingsAsReflectionDoes()
    {
        // The cache key embeds the settings as JSON: generated and reflection-based contracts must agree,
        // or caches written before the switch would all miss.
        var config = new DatasetConfig { Source = "s.csv", Header = false, Columns = ["a", "b"], Missing = ["?"], SkipLines = 1 };
        config.Types["a"] = "integer";
        config.Recode["b"] = new() { ["x."] = "x" };

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(config),
            System.Text.Json.JsonSerializer.Serialize(config, Recur.Lake.Ingest.PartCacheJson.Default.DatasetConfig));
    }
}

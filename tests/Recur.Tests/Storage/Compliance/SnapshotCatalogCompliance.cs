using Recur.Core.Data;
using Recur.Core.Lake;

namespace Recur.Tests.Storage.Compliance;

/// <summary>What every <see cref="ISnapshotCatalog"/> must do; each backend's test class inherits this.</summary>
public abstract class SnapshotCatalogCompliance
{
    /// <summary>A new, empty catalogue.</summary>
    protected abstract ISnapshotCatalog NewStore();

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SnapshotInfo Snapshot(char id, string dataset = "train", int minute = 0, params string[] parents) =>
        new(new string(id, 64), dataset, 10, 1, "data.csv", T0.AddMinutes(minute), [new ColumnSpec("x", ColumnType.Real), new ColumnSpec("c", ColumnType.Text)], parents);

    [Fact]
    public async Task AddThenFind_ByIdAndByPrefix_KeepsEveryField()
    {
        var catalog = NewStore();
        var snapshot = Snapshot('a', parents: [new string('p', 64)]);

        var added = await catalog.AddAsync(snapshot, []);
        var byId = await catalog.FindAsync(snapshot.Id);
        var byPrefix = await catalog.FindAsync(snapshot.Id[..8]);

        Assert.True(added);
        Assert.Equal((snapshot.Id, "train", 10L, 1L, "data.csv", snapshot.CreatedAt), (byId!.Id, byId.Dataset, byId.Rows, byId.Quarantined, byId.Source, byId.CreatedAt));
        Assert.Equal(snapshot.Schema, byId.Schema);
        Assert.Equal(snapshot.Parents, byId.Parents);
        Assert.Equal(snapshot.Id, byPrefix!.Id);
    }

    [Fact]
    public async Task FindAsync_UnknownOrTooShort_IsNull()
    {
        var catalog = NewStore();
        await catalog.AddAsync(Snapshot('a'), []);

        Assert.Null(await catalog.FindAsync(new string('b', 64)));
        Assert.Null(await catalog.FindAsync("aaaa"));
    }

    [Fact]
    public async Task ListAsync_NewestFirst_OptionallyOfOneDataset()
    {
        var catalog = NewStore();
        await catalog.AddAsync(Snapshot('a', "train", 0), []);
        await catalog.AddAsync(Snapshot('b', "test", 1), []);
        await catalog.AddAsync(Snapshot('c', "train", 2), []);

        Assert.Equal([new string('c', 64), new string('b', 64), new string('a', 64)], (await catalog.ListAsync()).Select(s => s.Id));
        Assert.Equal([new string('c', 64), new string('a', 64)], (await catalog.ListAsync("train")).Select(s => s.Id));
        Assert.Empty(await catalog.ListAsync("nothing"));
    }

    [Fact]
    public async Task AddAsync_SameSnapshotAgain_IsNotNewButBecomesNewest()
    {
        var catalog = NewStore();
        await catalog.AddAsync(Snapshot('a', minute: 0), []);
        await catalog.AddAsync(Snapshot('b', minute: 1), []);

        var again = await catalog.AddAsync(Snapshot('a', minute: 2), []);

        Assert.False(again);
        Assert.Equal(new string('a', 64), (await catalog.ListAsync("train"))[0].Id);
        Assert.Equal(2, (await catalog.ListAsync("train")).Count);
    }

    [Fact]
    public async Task QuarantineAsync_KeepsTheRowsOfTheSnapshotByLine()
    {
        var catalog = NewStore();
        QuarantinedRow[] rows = [new("data.csv", 9, "2 fields, expected 3", "a,b"), new("data.csv", 4, "'x' is not a number", "x,1,2")];

        await catalog.AddAsync(Snapshot('a'), rows);

        Assert.Equal([rows[1], rows[0]], await catalog.QuarantineAsync(new string('a', 64)));
        Assert.Empty(await catalog.QuarantineAsync(new string('b', 64)));
    }

    [Fact]
    public async Task AddAsync_ConcurrentIngests_AreAllRecorded()
    {
        var catalog = NewStore();
        var ids = "0123456789abcdef".ToCharArray();

        var added = await Task.WhenAll(ids.Select((c, i) => Task.Run(() => catalog.AddAsync(Snapshot(c, minute: i), [new("s", i + 1, "bad", "raw")]))));

        Assert.All(added, Assert.True);
        Assert.Equal(ids.Length, (await catalog.ListAsync()).Count);
        Assert.All(ids, c => Assert.Single(catalog.QuarantineAsync(new string(c, 64)).Result));
    }
}

using System.Text.Json;
using Recur.Core;
using Recur.Core.Profiles;

namespace Recur.Tests.Storage.Compliance;

/// <summary>What every <see cref="IProfileStore"/> must do; each backend's test class inherits this.</summary>
public abstract class ProfileStoreCompliance
{
    /// <summary>A new, empty store.</summary>
    protected abstract IProfileStore NewStore();

    /// <summary>Partial writes the backend can see lying around (temporary files); 0 when it has no such notion.</summary>
    protected virtual int PartialWrites() => 0;

    private static readonly string Snapshot = new('a', 64);

    private static StoredProfile Profile(long rows, int format = StoredProfile.CurrentFormat) => new(format, Snapshot, "all", null, new TableProfile(rows, [
        new ColumnProfile("x", "real", rows - 1, 1, 1.0 / rows, 3, new NumericSummary(0, 9, 4.5, 1.2, 0, 0, 2, 4, 7, 9, 9, 1), null,
            new Histogram([0, 4.5, 9], [2, 1]), [new ValueCount("4", 2)], new ColumnReference(1, new NumericReference(rows - 1, 4.5, 1.1, [0, 4, 9]), null)),
        new ColumnProfile("c", "text", rows, 0, 0, 2, null, new TextSummary(1, 3, 2, 0), null, [new ValueCount("b", 2), new ValueCount("a", 1)],
            new ColumnReference(0, null, new CategoryReference(["b", "a"], [2, 1], 0, 0))),
    ]));

    private static string Json(StoredProfile? profile) => JsonSerializer.Serialize(profile);

    [Fact]
    public async Task WriteThenRead_KeepsEveryStatistic()
    {
        var store = NewStore();
        var id = ProfileIds.Snapshot(Snapshot);

        await store.WriteAsync(id, Profile(3));

        Assert.True(await store.ExistsAsync(id));
        Assert.Equal(Json(Profile(3)), Json(await store.TryReadAsync(id)));
    }

    [Fact]
    public async Task TryReadAsync_NothingStored_IsNull()
    {
        var store = NewStore();
        var id = ProfileIds.TrainingSplit(Snapshot, "fingerprint split on id, validation share 0.2");

        Assert.Null(await store.TryReadAsync(id));
        Assert.False(await store.ExistsAsync(id));
    }

    [Fact]
    public async Task EveryMethod_IdThatIsNoProfileId_IsInvalidNamingIt()
    {
        var store = NewStore();

        var read = await Assert.ThrowsAsync<RecurException>(() => store.TryReadAsync("../../recur"));
        var write = await Assert.ThrowsAsync<RecurException>(() => store.WriteAsync("../x", Profile(3)));
        var exists = await Assert.ThrowsAsync<RecurException>(() => store.ExistsAsync("nope"));

        Assert.All(new[] { read, write, exists }, e => Assert.Equal(FailureKind.InvalidInput, e.Kind));
        Assert.Contains("'../../recur' is not a profile id", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_SameIdAgain_LastWriteWinsWhole()
    {
        var store = NewStore();
        var id = ProfileIds.Snapshot(Snapshot);
        await store.WriteAsync(id, Profile(3));
        await store.WriteAsync(id, Profile(3));

        await store.WriteAsync(id, Profile(8));

        Assert.Equal(Json(Profile(8)), Json(await store.TryReadAsync(id)));
    }

    [Fact]
    public async Task TryReadAsync_OtherFormat_IsAbsentButExists()
    {
        var store = NewStore();
        var id = ProfileIds.Snapshot(Snapshot);

        await store.WriteAsync(id, Profile(3, StoredProfile.CurrentFormat + 1));

        Assert.Null(await store.TryReadAsync(id));
        Assert.True(await store.ExistsAsync(id));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWriters_ReaderSeesOneWholeProfile()
    {
        var store = NewStore();
        var id = ProfileIds.Snapshot(Snapshot);

        await Task.WhenAll(Enumerable.Range(3, 8).Select(rows => Task.Run(() => store.WriteAsync(id, Profile(rows)))));

        var read = await store.TryReadAsync(id);
        Assert.NotNull(read);
        Assert.Equal(Json(Profile(read.Profile.Rows)), Json(read));
        Assert.Equal(0, PartialWrites());
    }
}

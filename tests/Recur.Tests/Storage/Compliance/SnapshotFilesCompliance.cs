using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;

namespace Recur.Tests.Storage.Compliance;

/// <summary>
/// What every <see cref="ISnapshotFiles"/> must do. A backend's test class inherits this and supplies a fresh
/// store on a real backend (a folder of Parquet files today).
/// </summary>
public abstract class SnapshotFilesCompliance
{
    /// <summary>A new, empty store.</summary>
    protected abstract ISnapshotFiles NewStore();

    /// <summary>Partial writes the backend can see lying around (temporary files); 0 when it has no such notion.</summary>
    protected virtual int PartialWrites() => 0;

    private static readonly ColumnSpec[] Schema = [new("n", ColumnType.Integer), new("x", ColumnType.Real), new("c", ColumnType.Text)];

    private static DataTable Table(int from, int count) => new([
        new NumericColumn(Schema[0], Enumerable.Range(from, count).Select(i => (double)i).ToArray()),
        new NumericColumn(Schema[1], Enumerable.Range(from, count).Select(i => i % 5 == 0 ? double.NaN : i / 4.0).ToArray()),
        new TextColumn(Schema[2], Enumerable.Range(from, count).Select(i => i % 7 == 0 ? null : $"c{i % 3}").ToArray()),
    ]);

    private static string Id(char c) => new(c, 64);

    private static void AssertSameRows(DataTable expected, DataTable actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(((NumericColumn)expected["n"]).Values, ((NumericColumn)actual["n"]).Values);
        Assert.Equal(((NumericColumn)expected["x"]).Values, ((NumericColumn)actual["x"]).Values);
        Assert.Equal(((TextColumn)expected["c"]).Values, ((TextColumn)actual["c"]).Values);
    }

    [Fact]
    public async Task WriteAsync_ThenRead_KeepsEveryValueAndMissingValue()
    {
        var store = NewStore();
        var table = Table(0, 50);

        var written = await store.WriteAsync(Id('a'), table);

        Assert.True(written);
        Assert.True(store.Exists(Id('a')));
        AssertSameRows(table, await store.ReadAsync(Id('a'), Schema));
    }

    [Fact]
    public async Task WriteAsync_SameIdAgain_ChangesNothingAndSaysSo()
    {
        var store = NewStore();
        await store.WriteAsync(Id('a'), Table(0, 10));

        var again = await store.WriteAsync(Id('a'), Table(100, 3));

        Assert.False(again);
        AssertSameRows(Table(0, 10), await store.ReadAsync(Id('a'), Schema));
    }

    [Fact]
    public async Task OpenWriter_DisposedWithoutCommit_LeavesNothingBehind()
    {
        var store = NewStore();
        await using (var writer = store.OpenWriter())
        {
            await writer.AppendAsync(Table(0, 10));
            // The writer dies here: no commit.
        }

        Assert.False(store.Exists(Id('a')));
        await Assert.ThrowsAsync<RecurException>(() => store.ReadAsync(Id('a'), Schema));
        Assert.Equal(0, PartialWrites());
    }

    [Fact]
    public async Task OpenWriter_CancelledMidWrite_LeavesNothingAndTheIdStaysWritable()
    {
        var store = NewStore();
        using var cancel = new CancellationTokenSource();
        await using (var writer = store.OpenWriter())
        {
            await writer.AppendAsync(Table(0, 10));
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.AppendAsync(Table(10, 10), cancel.Token));
        }

        Assert.False(store.Exists(Id('a')));
        Assert.Equal(0, PartialWrites());
        Assert.True(await store.WriteAsync(Id('a'), Table(0, 20)));
        AssertSameRows(Table(0, 20), await store.ReadAsync(Id('a'), Schema));
    }

    [Fact]
    public async Task OpenWriter_SeveralBatches_ReadBackWholeAndInBatches()
    {
        var store = NewStore();
        await using (var writer = store.OpenWriter())
        {
            await writer.AppendAsync(Table(0, 30));
            await writer.AppendAsync(Table(30, 20));
            Assert.True(await writer.CommitAsync(Id('b')));
        }

        var whole = await store.ReadAsync(Id('b'), Schema);
        var batches = new List<DataTable>();
        await foreach (var batch in store.ReadBatchesAsync(Id('b'), Schema)) batches.Add(batch);

        AssertSameRows(Table(0, 50), whole);
        AssertSameRows(Table(0, 50), batches.Aggregate(DataTable.Concat));
    }

    [Fact]
    public async Task WriteManifestAsync_SegmentsReadInOrderAsOneSnapshot()
    {
        var store = NewStore();
        await store.WriteAsync(Id('1'), Table(0, 5));
        await store.WriteAsync(Id('2'), Table(5, 7));

        await store.WriteManifestAsync(Id('m'), [Id('2'), Id('1')]);

        Assert.Equal([Id('2'), Id('1')], store.SegmentsOf(Id('m')));
        Assert.Equal([Id('1')], store.SegmentsOf(Id('1')));
        AssertSameRows(DataTable.Concat(Table(5, 7), Table(0, 5)), await store.ReadAsync(Id('m'), Schema));
    }

    [Fact]
    public async Task ReadAsync_UnknownSnapshot_IsNotFoundNamingIt()
    {
        var store = NewStore();

        var e = await Assert.ThrowsAsync<RecurException>(() => store.ReadAsync(Id('z'), Schema));

        Assert.Equal(FailureKind.NotFound, e.Kind);
        Assert.Contains(Id('z'), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ManifestWithAMissingSegment_IsNotFoundNamingTheSegment()
    {
        var store = NewStore();
        await store.WriteAsync(Id('1'), Table(0, 5));
        await store.WriteManifestAsync(Id('m'), [Id('1'), Id('9')]);

        var e = await Assert.ThrowsAsync<RecurException>(() => store.ReadAsync(Id('m'), Schema));

        Assert.Equal(FailureKind.NotFound, e.Kind);
        Assert.Contains(Id('9'), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheSnapshotOnlyOnce()
    {
        var store = NewStore();
        await store.WriteAsync(Id('a'), Table(0, 5));
        await store.WriteAsync(Id('b'), Table(0, 6));

        var first = await store.DeleteAsync(Id('a'));
        var second = await store.DeleteAsync(Id('a'));

        Assert.Equal((true, false), (first, second));
        Assert.False(store.Exists(Id('a')));
        Assert.True(store.Exists(Id('b')));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersOfOneSnapshot_LeaveOneWholeCopy()
    {
        var store = NewStore();
        var table = Table(0, 2000);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.WriteAsync(Id('c'), table))));

        Assert.Contains(true, results);
        AssertSameRows(table, await store.ReadAsync(Id('c'), Schema));
        Assert.Equal(0, PartialWrites());
    }
}

using System.Text;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

public sealed class ParquetBatchReaderTests
{
    // Every batch's size, every row's number and first field, and the most rows the reader held.
    private static async Task<(List<int> Batches, List<long> Lines, List<string> Ids, int MostRowsHeld)> ReadAllAsync(string path, int capacity)
    {
        using var reader = await ParquetBatchReader.OpenAsync(File.OpenRead(path), "t.parquet", default);
        var width = reader.Names.Count;
        reader.Layout(new PartLayout(width, capacity, Enumerable.Range(0, width).ToArray(), [], []));
        var batches = new List<int>();
        var lines = new List<long>();
        var ids = new List<string>();
        while (reader.Next() is { } batch)
        {
            batches.Add(batch.Rows);
            for (var r = 0; r < batch.Rows; r++)
            {
                lines.Add(batch.Lines[r]);
                ids.Add(Encoding.UTF8.GetString(batch.Field(0, r)));
            }
        }
        return (batches, lines, ids, reader.MostRowsHeld);
    }

    [Fact]
    public async Task Next_ManyRowGroups_YieldsFullBatchesHoldingOneRowGroupAtATime()
    {
        using var dir = new TempDir();
        var path = dir.Path("big.parquet");
        await ParquetSourceTests.WriteTypedAsync(path, Enumerable.Repeat(1000, 10).ToArray());

        var (batches, lines, ids, mostRowsHeld) = await ReadAllAsync(path, capacity: 256);

        Assert.Equal(1000, mostRowsHeld);
        Assert.Equal(40, batches.Count);
        Assert.All(batches.SkipLast(1), rows => Assert.Equal(256, rows));
        Assert.Equal(10_000 - 39 * 256, batches[^1]);
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), lines);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i.ToString()), ids);
    }

    [Fact]
    public async Task Next_RowGroupsSmallerThanABatch_FillEachBatchFromSeveral()
    {
        using var dir = new TempDir();
        var path = dir.Path("small-groups.parquet");
        await ParquetSourceTests.WriteTypedAsync(path, [100, 100, 100, 7]);

        var (batches, lines, _, mostRowsHeld) = await ReadAllAsync(path, capacity: 256);

        Assert.Equal([256, 51], batches);
        Assert.Equal(100, mostRowsHeld);
        Assert.Equal(307L, lines[^1]);
    }
}

using Recur.Core;
using Recur.Serving.Batch;

namespace Recur.Tests.Serving.Batch;

public sealed class CsvBatchSourceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<List<RawChunk>> ReadAsync(string text, IReadOnlyList<string> columns, int chunkRows, string name = "in.csv")
    {
        await File.WriteAllTextAsync(_dir.Path(name), text);
        var chunks = new List<RawChunk>();
        await using var source = new CsvBatchSource(_dir.Path(name), name);
        await foreach (var chunk in source.ReadAsync(columns, chunkRows)) chunks.Add(chunk);
        return chunks;
    }

    [Fact]
    public async Task ReadAsync_QuotedFieldsAndChunks_KeepsOrderAndValues()
    {
        var chunks = await ReadAsync("id,x,colour\r\na,1,\"red, dark\"\r\nb,2,\"say \"\"hi\"\"\nthere\"\r\nc,3,blue\r\n", ["x", "colour", "id"], 2);

        Assert.Equal([0, 1], chunks.Select(c => c.Sequence));
        var rows = chunks.SelectMany(c => c.Rows).ToList();
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Index));
        Assert.Equal(["1", "red, dark", "a"], rows[0].Values!);
        Assert.Equal("say \"hi\"\nthere", rows[1].Values![1]);
        Assert.Equal("c", rows[2].Values![2]);
    }

    [Fact]
    public async Task ReadAsync_RowWithTooFewFields_IsRefusedWithItsKeyAndTheCounts()
    {
        var rows = (await ReadAsync("id;x;colour\na;1;red\nb;2\nc;3;blue\n", ["x", "colour", "id"], 100)).SelectMany(c => c.Rows).ToList();

        Assert.Null(rows[0].Error);
        Assert.Equal("the row has 2 fields; the header has 3", rows[1].Error);
        Assert.Equal("b", rows[1].Values![2]);
        Assert.Same(RawValues.Absent, rows[1].Values![1]);
        Assert.Equal(3, rows[2].Index);
    }

    [Fact]
    public async Task ReadAsync_ColumnMissingFromHeader_IsInvalidNamingIt()
    {
        var error = await Assert.ThrowsAsync<RecurException>(() => ReadAsync("id,x\na,1\n", ["x", "colour"], 10));

        Assert.Contains("column 'colour' is missing", error.Message);
        Assert.Equal("colour", error.Field);
    }
}

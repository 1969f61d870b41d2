using System.Globalization;
using System.Text;
using Recur.Core;
using Recur.Core.Project;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

public sealed class JsonLinesBatchReaderTests
{
    private sealed record Read(IReadOnlyList<string> Names, List<string> Rows, List<long> Lines, List<(long Line, string Reason)> Quarantined, int Batches, int LargestBlock, int LargestBatchBytes);

    // Both passes over the bytes with the given block size; rows as their fields ("-" for missing).
    private static Read ReadAll(byte[] utf8, int blockSize, int capacity = 1000)
    {
        var config = new DatasetConfig();
        var names = JsonLinesBatchReader.ScanNames(new MemoryStream(utf8), config, "t.jsonl", blockSize);
        using var reader = JsonLinesBatchReader.Open(new MemoryStream(utf8), names, config, "t.jsonl", blockSize);
        reader.Layout(new PartLayout(names.Count, capacity, Enumerable.Range(0, names.Count).ToArray(), [], []));
        var read = new Read(names, [], [], [], 0, 0, 0);
        var batches = 0;
        var largestBatch = 0;
        while (reader.Next() is { } batch)
        {
            batches++;
            largestBatch = Math.Max(largestBatch, batch.Data.Length);
            for (var r = 0; r < batch.Rows; r++)
            {
                read.Rows.Add(string.Join("|", names.Select((_, c) => batch.IsAbsent(c, r) ? "-" : Encoding.UTF8.GetString(batch.Field(c, r)))));
                read.Lines.Add(batch.Lines[r]);
            }
            read.Quarantined.AddRange(batch.Quarantined.Select(q => (q.Line, q.Reason)));
        }
        return read with { Batches = batches, LargestBlock = reader.LargestBlock, LargestBatchBytes = largestBatch };
    }

    [Fact]
    public void Next_FileManyBlocksLong_YieldsBatchesThatEachHoldOneBlock()
    {
        const int blockSize = 1 << 14;
        var text = new StringBuilder();
        for (var i = 1; i <= 20_000; i++) text.Append(string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"name\":\"n{i % 97}\",\"score\":{i % 1000 / 8.0}}}\n"));
        var utf8 = Encoding.UTF8.GetBytes(text.ToString());

        var read = ReadAll(utf8, blockSize, capacity: 1 << 16);

        Assert.True(utf8.Length > 30 * blockSize);
        Assert.Equal(20_000, read.Rows.Count);
        Assert.Equal(Enumerable.Range(1, 20_000).Select(i => (long)i), read.Lines);
        Assert.True(read.Batches >= 30, $"{read.Batches} batches");
        Assert.Equal(blockSize, read.LargestBlock);
        Assert.Equal(blockSize, read.LargestBatchBytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(64)]
    public void Next_AnyBlockSize_ReadsTheSameRowsLinesAndQuarantine(int blockSize)
    {
        var text = "{\"a\":1,\"b\":\"x\"}\r\n\r\n{\"b\":\"a longer value than any small block\",\"c\":[1, {\"d\":2}]}\r{\"a\":\nnot json\n  \t\n{\"c\":null,\"a\":\"\\u00e9\"}";
        var utf8 = Encoding.UTF8.GetBytes(text);

        var expected = ReadAll(utf8, JsonLinesBatchReader.DefaultBlockSize);
        var actual = ReadAll(utf8, blockSize);

        Assert.Equal(["a", "b", "c"], expected.Names);
        Assert.Equal(["1|x|-", "-|a longer value than any small block|[1, {\"d\":2}]", "\u00e9|-|-"], expected.Rows);
        Assert.Equal([1L, 3, 7], expected.Lines);
        Assert.Equal([4L, 5], expected.Quarantined.Select(q => q.Line));
        Assert.Equal(expected.Names, actual.Names);
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Quarantined, actual.Quarantined);
        Assert.True(actual.LargestBlock >= 60, "a line longer than a block gets a larger block");
    }

    [Fact]
    public void ScanNames_KeysOfBadLinesAndNestedObjects_AreNotColumns()
    {
        var utf8 = "{\"a\":{\"inner\":1}}\n{\"bad\":1,}\n{\"b\":2,\"a\":3,\"b\":4}\n[{\"c\":1}]\n{\"late\":true}\n"u8.ToArray();

        var read = ReadAll(utf8, 8);

        Assert.Equal(["a", "b", "late"], read.Names);
        Assert.Equal(["{\"inner\":1}|-|-", "3|4|-", "-|-|true"], read.Rows);
    }

    [Fact]
    public void Next_NumbersAndEscapes_TakeTheTextTheWholeFileReaderGaveThem()
    {
        var utf8 = "{\"n\":1.0}\n{\"n\":-0}\n{\"n\":1E2}\n{\"n\":12345678901234567890}\n{\"n\":2.50}\n{\"n\":-42}\n{\"n\":1e400}\n{\"s\":\"\\ud800\"}\n"u8.ToArray();

        var read = ReadAll(utf8, 16);

        Assert.Equal(["n"], read.Names);
        Assert.Equal(["1", "0", "100", "1.2345678901234567E+19", "2.5", "-42", "Infinity"], read.Rows);
        var bad = Assert.Single(read.Quarantined);
        Assert.Equal(8, bad.Line);
        Assert.StartsWith("not valid JSON", bad.Reason);
    }

    [Fact]
    public void ScanNames_InvalidUtf8FarIntoTheFile_NamesItsLine()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 300).Select(i => $"{{\"city\":\"Zurich\",\"n\":{i}}}\n"))));
        bytes.AddRange(Encoding.Latin1.GetBytes("{\"city\":\"Z\u00fcrich\"}\n"));

        var e = Assert.Throws<RecurException>(() => JsonLinesBatchReader.ScanNames(new MemoryStream(bytes.ToArray()), new DatasetConfig(), "l1.jsonl", 64));

        Assert.Contains("line 301", e.Message);
        Assert.Contains("latin1", e.Message);
    }
}

using System.Text;
using Recur.Core;
using Recur.Core.Project;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

public sealed class DelimitedBatchReaderTests
{
    // Every row as its decoded fields, plus the quarantined lines, read with the given block size.
    private static (List<string> Rows, List<long> Lines, List<long> Quarantined) ReadAll(string text, int blockSize, DatasetConfig? config = null)
    {
        using var reader = DelimitedBatchReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), config ?? new DatasetConfig { Delimiter = "," }, "t.csv", blockSize);
        var width = reader.Names.Count;
        reader.Layout(new PartLayout(width, 4, Enumerable.Range(0, width).ToArray(), [], []));
        var rows = new List<string>();
        var lines = new List<long>();
        var quarantined = new List<long>();
        while (reader.Next() is { } batch)
        {
            for (var r = 0; r < batch.Rows; r++)
            {
                rows.Add(string.Join("|", Enumerable.Range(0, width).Select(c => Encoding.UTF8.GetString(batch.Field(c, r)))));
                lines.Add(batch.Lines[r]);
            }
            quarantined.AddRange(batch.Quarantined.Select(q => q.Line));
        }
        return (rows, lines, quarantined);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(64)]
    public void Next_AnyBlockSize_ReadsTheSameRecords(int blockSize)
    {
        var text = "a,b,c\r\n1,\"x, y\",3\r\n\r\n4,\"multi\r\nline \"\"quoted\"\"\",6\n7,8\n\"9\" ,plain\"quote,\"\"\n10,11,12";

        var expected = ReadAll(text, DelimitedBatchReader.DefaultBlockSize);
        var actual = ReadAll(text, blockSize);

        Assert.Equal(["1|x, y|3", "4|multi\nline \"quoted\"|6", "9 |plain\"quote|", "10|11|12"], expected.Rows);
        Assert.Equal([2L, 4, 7, 8], expected.Lines);
        Assert.Equal([6L], expected.Quarantined);
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Quarantined, actual.Quarantined);
    }

    [Fact]
    public void Next_RandomFiles_MatchAcrossBlockSizes()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 30; trial++)
        {
            var text = new StringBuilder("h1,h2,h3\n");
            var pieces = new[] { "plain", "\"q,uoted\"", "\"two\nlines\"", "\"with \"\"quotes\"\"\"", "", " spaced ", "42", "-1.5", "ü-ß" };
            for (var r = 0; r < random.Next(1, 40); r++)
            {
                var fields = random.Next(10) == 0 ? 2 : 3;
                text.Append(string.Join(",", Enumerable.Range(0, fields).Select(_ => pieces[random.Next(pieces.Length)])));
                text.Append(random.Next(5) == 0 ? "\r\n" : "\n");
                if (random.Next(8) == 0) text.Append('\n');
            }
            var expected = ReadAll(text.ToString(), DelimitedBatchReader.DefaultBlockSize);

            foreach (var blockSize in new[] { 1, 5, 13, 100 })
            {
                var actual = ReadAll(text.ToString(), blockSize);
                Assert.Equal(expected.Rows, actual.Rows);
                Assert.Equal(expected.Lines, actual.Lines);
                Assert.Equal(expected.Quarantined, actual.Quarantined);
            }
        }
    }

    [Fact]
    public void Next_InvalidUtf8FarIntoTheFile_NamesItsLine()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("city,n\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"Zurich,{i}\n"))));
        bytes.AddRange(Encoding.Latin1.GetBytes("Z\u00fcrich,500\n"));
        using var reader = DelimitedBatchReader.Open(new MemoryStream(bytes.ToArray()), new DatasetConfig(), "l1.csv", 64);
        reader.Layout(new PartLayout(2, 1000, [0, 1], [], []));

        var e = Assert.Throws<RecurException>(() => { while (reader.Next() is not null) { } });

        Assert.Contains("line 502", e.Message);
        Assert.Contains("latin1", e.Message);
    }

    [Fact]
    public void Next_QuoteNeverClosed_NamesTheLineItOpened()
    {
        using var reader = DelimitedBatchReader.Open(new MemoryStream("a,b\n1,2\n3,\"open\n4,5\n"u8.ToArray()), new DatasetConfig(), "t.csv", 4);
        reader.Layout(new PartLayout(2, 10, [0, 1], [], []));

        var e = Assert.Throws<RecurException>(() => { while (reader.Next() is not null) { } });

        Assert.Contains("line 3", e.Message);
        Assert.Contains("never closed", e.Message);
    }
}

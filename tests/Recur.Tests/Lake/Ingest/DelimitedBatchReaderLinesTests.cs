using System.Text;
using Recur.Core;
using Recur.Core.Project;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

/// <summary>The quote setting and the line accounting of <see cref="DelimitedBatchReader"/>.</summary>
public sealed class DelimitedBatchReaderLinesTests
{
    // Every row as its fields joined by '|', the quarantined lines, and where the part's lines went.
    private static (List<string> Rows, int Quarantined, PartLines Lines) Read(string text, DatasetConfig config, int blockSize = DelimitedBatchReader.DefaultBlockSize)
    {
        using var reader = DelimitedBatchReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), config, "t.csv", blockSize);
        var width = reader.Names.Count;
        reader.Layout(new PartLayout(width, 4, Enumerable.Range(0, width).ToArray(), [], []));
        var rows = new List<string>();
        var quarantined = 0;
        while (reader.Next() is { } batch)
        {
            for (var r = 0; r < batch.Rows; r++)
            {
                rows.Add(string.Join("|", Enumerable.Range(0, width).Select(c => Encoding.UTF8.GetString(batch.Field(c, r)))));
            }
            quarantined += batch.Quarantined.Count;
        }
        return (rows, quarantined, reader.Lines);
    }

    private static long Accounted(PartLines lines, int rows, int quarantined) =>
        lines.Skipped + lines.Header + lines.Blank + rows + quarantined + lines.Merged;

    [Fact]
    public void Next_QuoteNone_ReadsQuoteCharactersAsText()
    {
        var (rows, _, lines) = Read("text,label\n\"Great\" film,1\n\"unbalanced,0\nnext,1\n", new DatasetConfig { Quote = "none" });

        Assert.Equal(["\"Great\" film|1", "\"unbalanced|0", "next|1"], rows);
        Assert.Equal(0, lines.Merged);
        Assert.Empty(lines.Warnings);
    }

    [Fact]
    public void Next_SingleQuoteCharacter_QuotesFields()
    {
        var (rows, _, _) = Read("a,b\n'x, y',\"z\"\n", new DatasetConfig { Quote = "'" });

        Assert.Equal(["x, y|\"z\""], rows);
    }

    [Fact]
    public void Open_QuoteIsTheDelimiter_FailsNamingTheOption()
    {
        var e = Assert.Throws<RecurException>(() => Read("a;b\n1;2\n", new DatasetConfig { Delimiter = ";", Quote = ";" }));

        Assert.Equal("quote", e.Field);
    }

    [Fact]
    public void Open_QuoteNotAllowed_FailsNamingTheOption()
    {
        var e = Assert.Throws<RecurException>(() => Read("a,b\n1,2\n", new DatasetConfig { Quote = "ab" }));

        Assert.Equal("quote", e.Field);
        Assert.Contains("none", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    public void Lines_SkippedHeaderBlankMergedAndQuarantined_AddUpToEveryPhysicalLine(int blockSize)
    {
        // 11 lines: junk, header, blank, a row, a three-line quoted field, a short row, blank, a last row without a newline.
        var text = "junk\nid,note\n\n1,plain\n2,\"line one\nline two\nline three\"\n3\n\r\n4,last";

        var (rows, quarantined, lines) = Read(text, new DatasetConfig { SkipLines = 1 }, blockSize);

        Assert.Equal(3, rows.Count);
        Assert.Equal(1, quarantined);
        Assert.Equal(10, lines.Physical);
        Assert.Equal((1L, 1L, 2L, 2L), (lines.Skipped, lines.Header, lines.Blank, lines.Merged));
        Assert.Equal(lines.Physical, Accounted(lines, rows.Count, quarantined));
    }

    [Fact]
    public void Lines_RandomFilesAnyBlockSize_AlwaysBalance()
    {
        var random = new Random(11);
        var pieces = new[] { "plain", "\"q,uoted\"", "\"two\nlines\"", "\"a\r\nb\r\nc\"", "", "x\"y", "42" };
        for (var trial = 0; trial < 40; trial++)
        {
            var text = new StringBuilder("h1,h2\n");
            for (var r = 0; r < random.Next(1, 30); r++)
            {
                var width = random.Next(1, 4);
                text.Append(string.Join(",", Enumerable.Range(0, width).Select(_ => pieces[random.Next(pieces.Length)])));
                text.Append(random.Next(4) == 0 ? "\n\n" : random.Next(3) == 0 ? "\r\n" : "\n");
            }
            foreach (var blockSize in new[] { 2, 9, 1 << 16 })
            {
                var (rows, quarantined, lines) = Read(text.ToString(), new DatasetConfig(), blockSize);

                Assert.Equal(text.ToString().Count(c => c == '\n'), lines.Physical);
                Assert.Equal(lines.Physical, Accounted(lines, rows.Count, quarantined));
            }
        }
    }

    [Fact]
    public void Lines_StrayQuoteSwallowsRows_WarnsWithTheStartingLineAndTheFix()
    {
        var text = "text\tlabel\ngood\t1\n\" stray quote\t1\nswallowed\t0\nalso swallowed\t1\nit said \"great\" twice\t1\nlast\t0\n";

        var (rows, quarantined, lines) = Read(text, new DatasetConfig());

        var warning = Assert.Single(lines.Warnings);
        Assert.StartsWith("t.csv: line 3: a quoted field runs over 4 lines", warning);
        Assert.Contains("quote: none", warning);
        Assert.Equal(3, lines.Merged);
        Assert.Equal(lines.Physical, Accounted(lines, rows.Count, quarantined));
    }

    [Fact]
    public void Lines_StrayQuoteWithQuoteNone_ReadsEveryLineAsARow()
    {
        var text = "text\tlabel\ngood\t1\n\" stray quote\t1\nswallowed\t0\nalso swallowed\t1\nit said \"great\" twice\t1\nlast\t0\n";

        var (rows, _, lines) = Read(text, new DatasetConfig { Quote = "none" });

        Assert.Equal(6, rows.Count);
        Assert.Empty(lines.Warnings);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(DelimitedBatchReader.DefaultBlockSize)]
    public void Next_StrayQuoteBeyondTheLineLimit_QuarantinesItsLineAndReadsOn(int blockSize)
    {
        var rows = string.Concat(Enumerable.Range(1, DelimitedBatchReader.MaxQuotedLines + 500).Select(i => $"row {i}\t0\n"));
        var text = "text\tlabel\n\" stray\t1\n" + rows + "it \"ends\t1\n";

        var (read, quarantined, lines) = Read(text, new DatasetConfig(), blockSize);

        Assert.Equal(DelimitedBatchReader.MaxQuotedLines + 501, read.Count);
        Assert.Equal(1, quarantined);
        Assert.Equal(0, lines.Merged);
        Assert.Equal(lines.Physical, Accounted(lines, read.Count, quarantined));
    }

    [Fact]
    public void Lines_AddressSpanningLines_NoWarning()
    {
        var text = "id,address,city\n1,\"12 Main St\nFlat 3\",Leeds\n2,\"1 High St\",York\n";

        var (rows, _, lines) = Read(text, new DatasetConfig());

        Assert.Equal(2, rows.Count);
        Assert.Equal(1, lines.Merged);
        Assert.Empty(lines.Warnings);
    }

    [Fact]
    public void Next_SpaceDelimitedPaddedLine_DropsThePadding()
    {
        var (rows, quarantined, _) = Read("a b c\n1 2 3 \n 4 5 6\n", new DatasetConfig());

        Assert.Equal(["1|2|3", "4|5|6"], rows);
        Assert.Equal(0, quarantined);
    }

    [Fact]
    public void Open_SingleColumnThatLooksDelimited_WarnsWithTheDelimiter()
    {
        // Spaces split most lines into three fields, but not all, so they are not taken as the delimiter.
        var (_, _, lines) = Read("a b c\n1 2 3\n4 5 6\n7 8\n", new DatasetConfig());

        var warning = Assert.Single(lines.Warnings);
        Assert.Contains("single column", warning);
        Assert.Contains("set delimiter: ' '", warning);
    }

    [Fact]
    public void Open_ProseInOneColumn_NoWarning()
    {
        var (_, _, lines) = Read("sentence\nThe film was fine.\nI would not watch it again, though.\nShort one.\n", new DatasetConfig());

        Assert.Empty(lines.Warnings);
    }

    [Fact]
    public void Open_HeaderOfData_DuplicateNameErrorSuggestsNoHeader()
    {
        var e = Assert.Throws<RecurException>(() => Read("1 4 4\n2 5 6\n", new DatasetConfig()));

        Assert.Contains("header: false", e.Message);
    }
}

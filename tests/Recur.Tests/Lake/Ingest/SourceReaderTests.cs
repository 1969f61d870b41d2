using System.Text;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

public sealed class SourceReaderTests
{
    [Fact]
    public async Task ReadAsync_PartitionedFolder_AddsPartitionColumnsInPathOrder()
    {
        using var dir = new TempDir();
        dir.Write("events/date=2024-01-02/part-0.csv", "id,v\n3,30\n");
        dir.Write("events/date=2024-01-01/part-0.csv", "id,v\n1,10\n2,20\n");
        dir.Write("events/_SUCCESS", "");

        var parsed = await SourceReader.ReadAsync(dir.Path("events"), new DatasetConfig(), "events");

        Assert.Equal(3, parsed.Table.RowCount);
        Assert.Equal("2024-01-01|2024-01-01|2024-01-02", string.Join("|", ((TextColumn)parsed.Table["date"]).Values));
        Assert.Equal([10.0, 20, 30], ((NumericColumn)parsed.Table["v"]).Values);
    }

    [Fact]
    public async Task ReadAsync_SemicolonFile_DetectsTheDelimiter()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.csv", "a;b;c\n1;x, y;3\n4;z;6\n");

        var parsed = await SourceReader.ReadAsync(path, new DatasetConfig(), "a.csv");

        Assert.Equal(3, parsed.Table.Columns.Count);
        Assert.Equal("x, y", ((TextColumn)parsed.Table["b"]).Values[0]);
    }

    [Fact]
    public async Task ReadAsync_DeclaredWrongDelimiter_SaysWhichOneFits()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.csv", "a;b;c\n1;2;3\n");

        var e = await Assert.ThrowsAsync<RecurException>(() => SourceReader.ReadAsync(path, new DatasetConfig { Delimiter = "," }, "a.csv"));

        Assert.Contains("wrong delimiter", e.Message);
        Assert.Contains("';'", e.Message);
    }

    [Fact]
    public async Task ReadAsync_TsvAndJsonLines_ReadTheSameTable()
    {
        using var dir = new TempDir();
        var tsv = dir.Write("a.tsv", "n\tname\n1\tann\n2\t\n");
        var jsonl = dir.Write("a.jsonl", "{\"n\":1,\"name\":\"ann\"}\n{\"n\":2,\"name\":null}\n");

        var fromTsv = await SourceReader.ReadAsync(tsv, new DatasetConfig(), "a.tsv");
        var fromJson = await SourceReader.ReadAsync(jsonl, new DatasetConfig(), "a.jsonl");

        Assert.Equal(Recur.Lake.Snapshots.SnapshotHasher.Hash(fromTsv.Table), Recur.Lake.Snapshots.SnapshotHasher.Hash(fromJson.Table));
    }

    [Fact]
    public async Task ReadAsync_JsonLinesWithABadLine_QuarantinesIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.jsonl", "{\"n\":1}\n{\"n\":\n[1,2]\n{\"n\":4}\n");

        var parsed = await SourceReader.ReadAsync(path, new DatasetConfig(), "a.jsonl");

        Assert.Equal(2, parsed.Table.RowCount);
        Assert.Equal([2L, 3L], parsed.Quarantined.Select(q => q.Line));
    }

    [Fact]
    public async Task ReadAsync_ParquetSnapshotFile_ReadsBack()
    {
        using var dir = new TempDir();
        var csv = await SourceReader.ReadAsync(dir.Write("a.csv", "n,r,t\n1,0.5,x\n2,,\n"), new DatasetConfig(), "a.csv");
        var files = new Recur.Lake.Snapshots.ParquetSnapshotFiles(dir.Root);
        var id = Recur.Lake.Snapshots.SnapshotHasher.Hash(csv.Table);
        await files.WriteAsync(id, csv.Table);

        var parsed = await SourceReader.ReadAsync(files.PathOf(id), new DatasetConfig(), "a.parquet");

        Assert.Equal(id, Recur.Lake.Snapshots.SnapshotHasher.Hash(parsed.Table));
    }

    [Fact]
    public async Task ReadAsync_BinaryFile_FailsWithPreciseMessage()
    {
        using var dir = new TempDir();
        var path = dir.Path("blob.csv");
        await File.WriteAllBytesAsync(path, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02]);

        var e = await Assert.ThrowsAsync<RecurException>(() => SourceReader.ReadAsync(path, new DatasetConfig(), "blob.csv"));

        Assert.Contains("not a text file", e.Message);
        Assert.Contains("offset 4", e.Message);
    }

    [Fact]
    public async Task ReadAsync_Latin1Bytes_FailAsUtf8AndReadAsLatin1()
    {
        using var dir = new TempDir();
        var path = dir.Path("l1.csv");
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes("city\nZürich\nMünchen\n"));

        var e = await Assert.ThrowsAsync<RecurException>(() => SourceReader.ReadAsync(path, new DatasetConfig(), "l1.csv"));
        var parsed = await SourceReader.ReadAsync(path, new DatasetConfig { Encoding = "latin1" }, "l1.csv");

        Assert.Contains("latin1", e.Message);
        Assert.Equal("Zürich", ((TextColumn)parsed.Table["city"]).Values[0]);
    }

    [Fact]
    public async Task ReadAsync_Stdin_ReadsTheGivenText()
    {
        var parsed = await SourceReader.ReadAsync("-", new DatasetConfig(), "stdin", new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n")));

        Assert.Equal(1, parsed.Table.RowCount);
    }

    [Fact]
    public void Build_ThousandsSeparatorsAndDecimalComma_QuarantineWithAHint()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 100).Select(i => $"{i}.5")) + "\n\"1,234.5\"\n\"3,5\"\n";

        var parsed = DelimitedParser.Parse(new StringReader("price\n" + rows), new DatasetConfig { Delimiter = "," }, "p.csv");

        Assert.Contains(parsed.Quarantined, q => q.Reason.Contains("thousands separators"));
        Assert.Contains(parsed.Quarantined, q => q.Reason.Contains("decimal comma"));
    }

    [Fact]
    public async Task ReadAsync_TextAfterTheFirstBatch_RetypesTheColumnOverEveryRow()
    {
        using var dir = new TempDir();
        // The first batch (256+ rows) holds only integers; 10 % of all rows are text, so the column is text.
        var rows = Enumerable.Range(0, 1000).Select(i => i < 900 ? $"{i}" : $"code-{i}");
        var path = dir.Write("a.csv", "v\n" + string.Join("\n", rows) + "\n");

        var parsed = await SourceReader.ReadAsync(path, new DatasetConfig(), "a.csv");

        Assert.Equal(ColumnType.Text, parsed.Table["v"].Spec.Type);
        Assert.Equal(1000, parsed.Table.RowCount);
        Assert.Empty(parsed.Quarantined);
        Assert.Equal("0", ((TextColumn)parsed.Table["v"]).Values[0]);
    }

    [Fact]
    public async Task ReadAsync_RealsAfterTheFirstBatch_WidenIntegersToReal()
    {
        using var dir = new TempDir();
        var rows = Enumerable.Range(0, 1000).Select(i => i < 990 ? $"{i}" : $"{i}.5");
        var path = dir.Write("a.csv", "v\n" + string.Join("\n", rows) + "\n");

        var parsed = await SourceReader.ReadAsync(path, new DatasetConfig(), "a.csv");

        Assert.Equal(ColumnType.Real, parsed.Table["v"].Spec.Type);
        Assert.Equal(999.5, ((NumericColumn)parsed.Table["v"]).Values[999]);
    }

    [Fact]
    public async Task ReadAsync_FewBadValuesAfterTheFirstBatch_QuarantinesThemWithTheirLines()
    {
        using var dir = new TempDir();
        var rows = Enumerable.Range(0, 1000).Select(i => i % 200 == 199 ? "n/a" : $"{i}");
        var path = dir.Write("a.csv", "v\n" + string.Join("\n", rows) + "\n");

        var parsed = await SourceReader.ReadAsync(path, new DatasetConfig(), "a.csv");

        Assert.Equal(ColumnType.Integer, parsed.Table["v"].Spec.Type);
        Assert.Equal([201L, 401, 601, 801, 1001], parsed.Quarantined.Select(q => q.Line));
        Assert.Equal(995, parsed.Table.RowCount);
    }

    [Fact]
    public async Task ReadAsync_PartsWithDifferentColumns_AlignByNameAndMarkAbsentAsMissing()
    {
        using var dir = new TempDir();
        dir.Write("d/day=1/a.csv", "id,v\n1,10\n");
        dir.Write("d/day=2/a.csv", "id,w\n2,x\n");

        var parsed = await SourceReader.ReadAsync(dir.Path("d"), new DatasetConfig(), "d");

        Assert.Equal(["id", "v", "day", "w"], parsed.Table.Columns.Select(c => c.Name));
        Assert.True(parsed.Table["v"].IsMissing(1));
        Assert.True(parsed.Table["w"].IsMissing(0));
        Assert.Equal([1.0, 2], ((NumericColumn)parsed.Table["day"]).Values);
    }
}

using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

/// <summary>
/// Parquet sources end to end. A Parquet file must store the same snapshot as a CSV file of the same
/// values written as text; the ids are also pinned, as recorded with the first (whole-file) reader.
/// </summary>
public sealed class ParquetSourceTests
{
    [Fact]
    public async Task IngestAsync_EveryTypeOverSeveralRowGroups_StoresTheSameSnapshotAsTheWholeFileReader()
    {
        using var dir = new TempDir();
        var path = dir.Path("typed.parquet");
        await WriteTypedAsync(path, [300, 700, 5]);

        var outcome = await IngestSources.IngestAsync(dir, path);
        var asCsv = await IngestSources.IngestAsync(dir, dir.Write("typed.csv", TypedCsv(1005)));
        var parsed = await SourceReader.ReadAsync(path, new DatasetConfig(), "typed.parquet");

        Assert.Equal("2f1b9da41e698a78a26e371feea66c86721e73ca424c8a81f646e91c34fe1b34", outcome.Snapshot.Id);
        Assert.Equal(asCsv.Snapshot.Id, outcome.Snapshot.Id);
        Assert.Equal(1005, outcome.Snapshot.Rows);
        Assert.Equal(["i", "l", "d", "f", "s", "b", "m", "t", "text"], parsed.Table.Columns.Select(c => c.Name));
        Assert.True(parsed.Table["l"].IsMissing(3));
        Assert.Equal("2024-01-01T00:01:00.0000000", ((TextColumn)parsed.Table["t"]).Values[1]);
    }

    [Fact]
    public async Task IngestAsync_PartitionedFolder_AddsThePartitionColumn()
    {
        using var dir = new TempDir();
        await WriteTypedAsync(dir.Path("d/k=a/p.parquet"), [10]);
        await WriteTypedAsync(dir.Path("d/k=b/p.parquet"), [4, 3]);

        dir.Write("csv/k=a/p.csv", TypedCsv(10));
        dir.Write("csv/k=b/p.csv", TypedCsv(7));

        var outcome = await IngestSources.IngestAsync(dir, dir.Path("d"));
        var asCsv = await IngestSources.IngestAsync(dir, dir.Path("csv"));
        var parsed = await SourceReader.ReadAsync(dir.Path("d"), new DatasetConfig(), "d");

        // The whole-file reader stored 969dcd19… here: it read required columns as nullable ones,
        // which Parquet.Net 6 sometimes answers with nulls and shifted rows.
        Assert.Equal("e4d23624664c5eaafa5f342f92406d2d2d4542a4dceaeae7d8853e0e736e6e4b", outcome.Snapshot.Id);
        Assert.Equal(asCsv.Snapshot.Id, outcome.Snapshot.Id);
        Assert.Equal("k", parsed.Table.Columns[^1].Name);
        Assert.Equal(["a", "b"], ((TextColumn)parsed.Table["k"]).Values.Distinct());
    }

    [Fact]
    public async Task ReadAsync_UnsupportedParquetType_NamesTheColumn()
    {
        using var dir = new TempDir();
        var path = dir.Path("guid.parquet");
        var field = new DataField<Guid>("g");
        await using (var file = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), file);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<Guid>(field, new[] { Guid.Empty }.AsMemory());
        }

        var e = await Assert.ThrowsAsync<RecurException>(() => SourceReader.ReadAsync(path, new DatasetConfig(), "guid.parquet"));

        Assert.Contains("column 'g'", e.Message);
    }

    // A file of the given row groups with a column of every Parquet type Recur reads; every fourth
    // value of the nullable columns is null. Values depend only on the row's number in the file.
    internal static async Task WriteTypedAsync(string path, int[] groups)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fields = new DataField[]
        {
            new DataField<int>("i"), new DataField<long?>("l"), new DataField<double?>("d"), new DataField<float>("f"),
            new DataField<short>("s"), new DataField<bool?>("b"), new DecimalDataField("m", 10, 2),
            new DataField<DateTime>("t"), new DataField<string>("text", true),
        };
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file);
        var start = 0;
        foreach (var count in groups)
        {
            var rows = Enumerable.Range(start, count).ToArray();
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(fields[0], rows.AsMemory());
            await group.WriteAsync<long>(fields[1], rows.Select(r => r % 4 == 3 ? null : (long?)r * 1_000_003).ToArray().AsMemory());
            await group.WriteAsync<double>(fields[2], rows.Select(r => r % 4 == 3 ? null : (double?)(r / 7.0)).ToArray().AsMemory());
            await group.WriteAsync<float>(fields[3], rows.Select(r => r / 3f).ToArray().AsMemory());
            await group.WriteAsync<short>(fields[4], rows.Select(r => (short)(r % 300 - 150)).ToArray().AsMemory());
            await group.WriteAsync<bool>(fields[5], rows.Select(r => r % 4 == 3 ? null : (bool?)(r % 2 == 0)).ToArray().AsMemory());
            await group.WriteAsync<decimal>(fields[6], rows.Select(r => r * 1.25m).ToArray().AsMemory());
            await group.WriteAsync<DateTime>(fields[7], rows.Select(r => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(r)).ToArray().AsMemory());
            await group.WriteAsync(fields[8], rows.Select(r => r % 4 == 3 ? null : $"v{r % 13}").ToArray()!);
            start += count;
        }
    }

    // The rows WriteTypedAsync writes, as CSV text in the form the Parquet reader gives each type.
    private static string TypedCsv(int rows)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder("i,l,d,f,s,b,m,t,text\n");
        for (var r = 0; r < rows; r++)
        {
            var nullRow = r % 4 == 3;
            text.AppendJoin(',',
                r.ToString(invariant),
                nullRow ? "" : ((long)r * 1_000_003).ToString(invariant),
                nullRow ? "" : (r / 7.0).ToString("R", invariant),
                (r / 3f).ToString("R", invariant),
                (r % 300 - 150).ToString(invariant),
                nullRow ? "" : r % 2 == 0 ? "true" : "false",
                (r * 1.25m).ToString("0.00", invariant),
                new DateTime(2024, 1, 1).AddMinutes(r).ToString("O", invariant),
                nullRow ? "" : $"v{r % 13}");
            text.Append('\n');
        }
        return text.ToString();
    }
}

using System.Globalization;
using System.Text;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

/// <summary>
/// JSON Lines sources end to end. The snapshot ids were recorded with the first JSON Lines reader,
/// which parsed the whole file into memory; a streaming reader must store the same data.
/// </summary>
public sealed class JsonLinesSourceTests
{
    // Nested values, arrays, escapes, numbers in every JSON form, null, duplicate and late keys,
    // blank lines, CRLF and a lone CR (a line break for a text reader), and bad lines of each kind.
    private static readonly string Mixed = string.Concat(
        """{"id":1,"name":"ann","score":1.0,"tags":["a", "b"],"meta":{"k": 1, "n":null},"ok":true}""" + "\n",
        """{"id":2,"name":"b\u00e9\"q\\n","score":2.50,"ok":false,"extra":null}""" + "\r\n",
        "\n",
        "   \t\n",
        """{"id":3,"score":1e2,"name":"","big":12345678901234567890,"neg":-0}""" + "\n",
        "[1,2]\n",
        """{"id":4,"name":"x"} trailing""" + "\n",
        """{"id":5,"name":"café ü \ud83d\ude00","score":-3.25,"tags":[],"meta":{},"ok":null}""" + "\n",
        "\"str\"\n",
        """{"id":6,"late":"z","name":"w","id":7}""" + "\n",
        """{"id":8,"score":0.1,"big":-9223372036854775808}""" + "\r",
        """{"id":9,"neg":1.5E-3}""" + "\n",
        """{"id":10,"name":"   padded  ","score":null}""" + "\n",
        """{"id":""" + "\n",
        """{"n":[1,2""" + "\n",
        "42\n",
        """{"id":11,"nested":{"deep":[{"a":1},{"b":[true,false,null]}]}}""" + "\n",
        """{"id":12,}""" + "\n",
        """ {"id":13,"name":"spaced"} """);

    private static readonly (long Line, string Reason)[] MixedQuarantine =
    [
        (6, "expected a JSON object, found array"),
        (7, "not valid JSON: 't' is invalid after a single JSON value"),
        (9, "expected a JSON object, found string"),
        (14, "not valid JSON: Expected depth to be zero at the end of the JSON payload"),
        (15, "not valid JSON: '2' is an invalid end of a number"),
        (16, "expected a JSON object, found number"),
        (18, "not valid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode"),
    ];

    [Fact]
    public async Task IngestAsync_MixedLines_StoresTheSameSnapshotAsTheWholeFileReader()
    {
        using var dir = new TempDir();
        var path = dir.Write("mixed.jsonl", Mixed);

        var outcome = await IngestSources.IngestAsync(dir, path);

        Assert.Equal("73cfc666d3c4bca573e8fd15c775041c11639b6d6c0a9a3a2bb3914891ab681a", outcome.Snapshot.Id);
        Assert.Equal(10, outcome.Snapshot.Rows);
        Assert.Equal(MixedQuarantine, outcome.Quarantined.Select(q => (q.Line, q.Reason)));
        Assert.Equal("[1,2]", outcome.Quarantined[0].Raw);
    }

    [Fact]
    public async Task ReadAsync_MixedLines_UnionOfKeysInFirstSeenOrderAndValuesAsText()
    {
        using var dir = new TempDir();
        var path = dir.Write("mixed.jsonl", Mixed);

        var parsed = await SourceReader.ReadAsync(path, new DatasetConfig(), "mixed.jsonl");

        Assert.Equal(["id", "name", "score", "tags", "meta", "ok", "extra", "big", "neg", "late", "nested"], parsed.Table.Columns.Select(c => c.Name));
        var text = (string name) => ((TextColumn)parsed.Table[name]).Values;
        Assert.Equal("[\"a\", \"b\"]", text("tags")[0]);
        Assert.Equal("{\"k\": 1, \"n\":null}", text("meta")[0]);
        Assert.Equal("b\u00e9\"q\\n", text("name")[1]);
        Assert.Equal("café ü \ud83d\ude00", text("name")[3]);
        Assert.Equal("{\"deep\":[{\"a\":1},{\"b\":[true,false,null]}]}", text("nested")[8]);
        Assert.All(Enumerable.Range(0, parsed.Table.RowCount), r => Assert.True(parsed.Table["extra"].IsMissing(r)));
        Assert.Equal("true|false|missing", string.Join("|", new[] { 0, 1, 3 }.Select(r => text("ok")[r] ?? "missing")));
        Assert.Equal(7.0, ((NumericColumn)parsed.Table["id"]).Values[4]);
    }

    [Fact]
    public async Task IngestAsync_LateKeyAndLateText_StoresTheSameSnapshotAsTheWholeFileReader()
    {
        using var dir = new TempDir();
        var path = dir.Write("many.jsonl", ManyRows(3000));

        var outcome = await IngestSources.IngestAsync(dir, path);
        var parsed = await SourceReader.ReadAsync(path, new DatasetConfig(), "many.jsonl");

        Assert.Equal("03a20ac165d004c310db413b89fe847046456b2b43bdb2d596dd2782cf0399a6", outcome.Snapshot.Id);
        Assert.Equal(2999, outcome.Snapshot.Rows);
        Assert.Equal([1000L], outcome.Quarantined.Select(q => q.Line));
        Assert.Equal(["i", "v", "c", "late"], parsed.Table.Columns.Select(c => c.Name));
        Assert.Equal(ColumnType.Text, parsed.Table["v"].Spec.Type);
    }

    [Fact]
    public async Task IngestAsync_PartitionedFolder_AlignsPartsByNameAndAddsThePartitionColumn()
    {
        using var dir = new TempDir();
        dir.Write("d/day=1/a.jsonl", "{\"id\":1,\"v\":10}\n{\"id\":2,\"v\":null}\n");
        dir.Write("d/day=2/a.jsonl", "{\"w\":\"x\",\"id\":3}\nnot json\n");

        var outcome = await IngestSources.IngestAsync(dir, dir.Path("d"));
        var parsed = await SourceReader.ReadAsync(dir.Path("d"), new DatasetConfig(), "d");

        Assert.Equal("442cc2adf18b748bc23993cdc41213e9279f890e7111f2b8cac2a6dff7776a87", outcome.Snapshot.Id);
        Assert.Equal(["id", "v", "day", "w"], parsed.Table.Columns.Select(c => c.Name));
        var bad = Assert.Single(outcome.Quarantined);
        Assert.Equal(("d/day=2/a.jsonl", 2L), (bad.Source, bad.Line));
    }

    [Fact]
    public async Task IngestAsync_Stdin_StoresTheSameSnapshotAsTheFile()
    {
        using var dir = new TempDir();
        var path = dir.Write("mixed.jsonl", Mixed);

        var fromFile = await IngestSources.IngestAsync(dir, path);
        var fromStdin = await IngestSources.IngestAsync(dir, "-", new DatasetConfig { Format = "jsonl" }, new MemoryStream(Encoding.UTF8.GetBytes(Mixed)));

        Assert.Equal(fromFile.Snapshot.Id, fromStdin.Snapshot.Id);
        Assert.Equal(fromFile.Quarantined.Select(q => q.Line), fromStdin.Quarantined.Select(q => q.Line));
    }

    [Fact]
    public async Task ReadAsync_SkipLinesAndLatin1_CountSkippedLinesAndDecode()
    {
        using var dir = new TempDir();
        var path = dir.Path("l1.jsonl");
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes("# exported\n{\"city\":\"Z\u00fcrich\"}\n{\"city\":\n{\"city\":\"Bern\"}\n"));

        var parsed = await SourceReader.ReadAsync(path, new DatasetConfig { SkipLines = 1, Encoding = "latin1" }, "l1.jsonl");

        Assert.Equal("Z\u00fcrich|Bern", string.Join("|", ((TextColumn)parsed.Table["city"]).Values));
        Assert.Equal([3L], parsed.Quarantined.Select(q => q.Line));
    }

    [Fact]
    public async Task IngestAsync_MoreRowsThanOneBatch_StoresTheSameSnapshotAsTheSameCsv()
    {
        using var dir = new TempDir();
        const int rows = 70_000;
        var jsonl = new StringBuilder();
        var csv = new StringBuilder("id,name,score\n");
        for (var i = 0; i < rows; i++)
        {
            jsonl.Append(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"name\":\"n{i % 31}\",\"score\":{i % 400 / 4.0}}}\n");
            csv.Append(CultureInfo.InvariantCulture, $"{i},n{i % 31},{i % 400 / 4.0}\n");
        }

        var fromJson = await IngestSources.IngestAsync(dir, dir.Write("a.jsonl", jsonl.ToString()));
        var fromCsv = await IngestSources.IngestAsync(dir, dir.Write("a.csv", csv.ToString()));

        Assert.True(rows > PartLayout.CapacityFor(3));
        Assert.Equal(rows, fromJson.Snapshot.Rows);
        Assert.Equal(fromCsv.Snapshot.Id, fromJson.Snapshot.Id);
    }

    // Rows i = 1..n: a real, then text from row 2900 on (so the column turns text after the first
    // batches), a category, a key first seen at row 2500, and one line that is not JSON.
    internal static string ManyRows(int n)
    {
        var text = new StringBuilder();
        for (var i = 1; i <= n; i++)
        {
            if (i == 1000) { text.Append("not json\n"); continue; }
            var v = i < 2900 ? (i * 0.5).ToString(CultureInfo.InvariantCulture) : $"\"t{i}\"";
            text.Append($"{{\"i\":{i},\"v\":{v},\"c\":\"cat{i % 7}\"");
            if (i >= 2500) text.Append(",\"late\":\"x\"");
            text.Append("}\n");
        }
        return text.ToString();
    }
}

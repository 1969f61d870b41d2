using System.Diagnostics;

namespace Recur.EndToEnd.Tests;

/// <summary>The lake's commands on a fresh project: ingest (file, folder, stdin), data, schema, validate.</summary>
public sealed class LakeCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    public LakeCliTests()
    {
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "recur.yaml"), "name: m\nlabel: y\nkey: id\n");
    }

    private string Root => _dir.Path("p");

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<CliResult> Ok(params string[] args) => CliRunner.OkAsync(Root, [.. args, "--project", Root]);

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(Root, [.. args, "--project", Root]);

    [Fact]
    public async Task Ingest_FileTwice_PrintsTheContractAndReuses()
    {
        // 99 numbers and one word: the column is numeric and the word's row is quarantined (line 101).
        var file = Write("v1.csv", "id,x,y\n" + string.Concat(Enumerable.Range(1, 99).Select(i => $"{i},{i * 10},a\n")) + "100,oops,c\n");

        var first = (await Ok("ingest", file, "--dataset", "d", "--json")).Json;
        var again = (await Ok("ingest", file, "--dataset", "d", "--json")).Json;

        Assert.Equal("d", first.GetProperty("dataset").GetString());
        Assert.Equal(99, first.GetProperty("rows").GetInt32());
        Assert.Equal(1, first.GetProperty("quarantined").GetInt32());
        Assert.False(first.GetProperty("reused").GetBoolean());
        Assert.True(again.GetProperty("reused").GetBoolean());
        Assert.Equal(first.GetProperty("snapshot").GetString(), again.GetProperty("snapshot").GetString());
        var quarantine = (await Ok("data", "quarantine", "d", "--json")).Json;
        Assert.Equal(101, quarantine.GetProperty("rows")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Ingest_Stdin_StoresTheSnapshot()
    {
        var info = CliRunner.StartInfo(Root, "ingest", "-", "--dataset", "s", "--json", "--project", Root);
        info.RedirectStandardInput = true;
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync("id,x\n1,2\n3,4\n");
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("\"rows\": 2", stdout);
    }

    [Fact]
    public async Task DataDiff_ByKey_CountsAddedRemovedChangedAndSchemaChanges()
    {
        await Ok("ingest", Write("a.csv", "id,x\n1,10\n2,20\n3,30\n"), "--dataset", "d");
        var b = (await Ok("ingest", Write("b.csv", "id,x,z\n2,20,q\n3,31,q\n4,40,q\n"), "--dataset", "d", "--json")).Json.GetProperty("snapshot").GetString()!;
        var a = (await Ok("data", "list", "--json")).Json.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).First(id => id != b);

        var diff = (await Ok("data", "diff", a, b, "--json")).Json;

        Assert.Equal(1, diff.GetProperty("added").GetInt32());
        Assert.Equal(1, diff.GetProperty("removed").GetInt32());
        Assert.Equal(1, diff.GetProperty("changed").GetInt32());
        Assert.Equal(1, diff.GetProperty("unchanged").GetInt32());
        Assert.Equal("added", diff.GetProperty("schema_changes")[0].GetProperty("change").GetString());
    }

    [Fact]
    public async Task Validate_ServingBatchWithAnUnseenCategoryAndAMissingColumn_ReportsAndFails()
    {
        await Ok("ingest", Write("train.csv", "id,age,colour,y\n1,30,red,a\n2,40,blue,b\n3,50,red,a\n"), "--dataset", "train");
        await Ok("schema", "infer", "train");
        Assert.True(File.Exists(Path.Combine(Root, "schema.yaml")));

        var clean = await Run("validate", "train", "--json");
        var batch = await Run("validate", Write("batch.csv", "id,colour,y\n9,green,a\n"), "--json");

        Assert.Equal(0, clean.ExitCode);
        Assert.True(clean.Json.GetProperty("ok").GetBoolean());
        Assert.Equal(4, batch.ExitCode);
        var kinds = batch.Json.GetProperty("anomalies").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Contains("missing_column", kinds);
        Assert.Contains("unseen_category", kinds);
        Assert.False(batch.Json.GetProperty("ok").GetBoolean());
    }

    // adult-small's first 1,000 training rows; the first `agesBroken` get an age of 200 or more, the last `countriesUnseen` an unknown country.
    private string AdultBatch(string name, int agesBroken, int countriesUnseen)
    {
        var lines = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv")).Take(1001).ToList();
        var rows = lines.Skip(1).Select((line, r) =>
        {
            var fields = line.Split(',');
            if (r < agesBroken) fields[1] = (200 + r % 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (r >= 1000 - countriesUnseen) fields[14] = "Atlantis";
            return string.Join(',', fields);
        });
        return Write(name, string.Join('\n', [lines[0], .. rows]) + "\n");
    }

    private async Task IngestAdultAsync() =>
        await Ok("ingest", Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv"), "--dataset", "adult");

    private static Dictionary<string, (string? Severity, double Share)> ByColumn(CliResult result) =>
        result.Json.GetProperty("anomalies").EnumerateArray().ToDictionary(
            a => a.GetProperty("column").GetString()!, a => (a.GetProperty("severity").GetString(), a.GetProperty("share").GetDouble()));

    [Fact]
    public async Task Validate_AgainstSnapshot95PercentBadAgesAnd5PercentUnseenCountries_FailsWithExitFour()
    {
        await IngestAdultAsync();

        var result = await Run("validate", AdultBatch("bad.csv", agesBroken: 950, countriesUnseen: 50), "--against", "adult", "--json");

        Assert.Equal(4, result.ExitCode);
        Assert.False(result.Json.GetProperty("ok").GetBoolean());
        var anomalies = ByColumn(result);
        Assert.Equal(("error", 0.95), anomalies["age"]);
        Assert.Equal(("error", 0.05), anomalies["native-country"]);
    }

    [Fact]
    public async Task Validate_AgainstSnapshotHalfPercentUnseenCountries_WarnsAndPasses()
    {
        await IngestAdultAsync();

        var result = await Run("validate", AdultBatch("few.csv", agesBroken: 0, countriesUnseen: 5), "--against", "adult", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json.GetProperty("ok").GetBoolean());
        Assert.Equal(("warning", 0.005), Assert.Single(ByColumn(result)).Value);
    }

    [Fact]
    public async Task Validate_MaxAnomalyShareFromRecurYamlOrOption_MovesTheLine()
    {
        await IngestAdultAsync();
        var batch = AdultBatch("some.csv", agesBroken: 0, countriesUnseen: 50);
        File.AppendAllText(Path.Combine(Root, "recur.yaml"), "validation:\n  max_anomaly_share: 0.1\n");

        var loose = await Run("validate", batch, "--against", "adult", "--json");
        var strict = await Run("validate", batch, "--against", "adult", "--max-anomaly-share", "0.001", "--json");

        Assert.Equal((0, "warning"), (loose.ExitCode, ByColumn(loose)["native-country"].Severity));
        Assert.Equal((4, "error"), (strict.ExitCode, ByColumn(strict)["native-country"].Severity));
    }

    [Fact]
    public async Task Validate_CommittedSchema_DecidesPerColumnNotByShare()
    {
        await IngestAdultAsync();
        await Ok("schema", "infer", "adult");
        var schema = Path.Combine(Root, "schema.yaml");
        File.WriteAllText(schema, File.ReadAllText(schema).Replace("- name: age\n", "- name: age\n  severity:\n    out_of_range: error\n", StringComparison.Ordinal));

        var countries = await Run("validate", AdultBatch("countries.csv", agesBroken: 0, countriesUnseen: 50), "--json");
        var ages = await Run("validate", AdultBatch("ages.csv", agesBroken: 5, countriesUnseen: 0), "--json");

        Assert.Equal((0, "warning", 0.05), (countries.ExitCode, ByColumn(countries)["native-country"].Severity, ByColumn(countries)["native-country"].Share));
        Assert.Equal((4, "error", 0.005), (ages.ExitCode, ByColumn(ages)["age"].Severity, ByColumn(ages)["age"].Share));
    }

    [Fact]
    public async Task Validate_MaxAnomalyShareAboveOneInRecurYaml_FailsNamingTheOption()
    {
        File.AppendAllText(Path.Combine(Root, "recur.yaml"), "validation:\n  max_anomaly_share: 2\n");

        var result = await Run("validate", Write("b.csv", "id\n1\n"), "--against", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("validation.max_anomaly_share", result.Stderr);
    }

    [Fact]
    public async Task Ingest_PartitionedFolderAgain_ReadsOnlyTheNewPartition()
    {
        Write("events/date=2024-01-01/part-0.csv", "id,x\n1,10\n2,20\n");
        Write("events/date=2024-01-02/part-0.csv", "id,x\n3,30\n");
        var folder = Path.Combine(Root, "events");

        var first = (await Ok("ingest", folder, "--dataset", "e", "--json")).Json;
        Write("events/date=2024-01-03/part-0.csv", "id,x\n4,40\n");
        var second = (await Ok("ingest", folder, "--dataset", "e", "--json")).Json;
        var forced = (await Ok("ingest", folder, "--dataset", "e", "--no-cache", "--json")).Json;

        Assert.Equal(0, first.GetProperty("parts_from_cache").GetInt32());
        Assert.Equal(2, second.GetProperty("parts_from_cache").GetInt32());
        Assert.Equal(4, second.GetProperty("rows").GetInt64());
        Assert.Equal(0, forced.GetProperty("parts_from_cache").GetInt32());
        Assert.Equal(second.GetProperty("snapshot").GetString(), forced.GetProperty("snapshot").GetString());
        Assert.True(forced.GetProperty("reused").GetBoolean());
    }

    [Fact]
    public async Task Ingest_KilledWhileWriting_LeavesNoSnapshotAndTheNextIngestCleansUp()
    {
        // Large enough that the snapshot spills to its temporary file well before the end.
        var path = Path.Combine(Root, "big.csv");
        await using (var writer = new StreamWriter(path))
        {
            await writer.WriteLineAsync("id,x,y");
            for (var i = 0; i < 3_000_000; i++) await writer.WriteLineAsync($"{i},{i % 977 * 0.5},c{i % 31}");
        }
        var lake = Path.Combine(Root, ".recur", "lake");
        var hidden = new EnumerationOptions { AttributesToSkip = 0 };
        using (var ingest = Process.Start(CliRunner.StartInfo(Root, "ingest", path, "--dataset", "d", "--json", "--project", Root))!)
        {
            var waited = Stopwatch.StartNew();
            while (!(Directory.Exists(lake) && Directory.GetFiles(lake, "*.tmp", hidden).Length > 0))
            {
                Assert.False(ingest.HasExited, "the ingest finished before a temporary file was seen");
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "no temporary file appeared");
                Thread.Sleep(1); // the ingest is fast: poll often so the temporary file is seen while it exists
            }
            ingest.Kill();
            await ingest.WaitForExitAsync();
        }

        Assert.NotEmpty(Directory.GetFiles(lake, "*.tmp", hidden));
        Assert.Empty(Directory.GetFiles(lake, "*.parquet"));
        Assert.Empty((await Ok("data", "list", "--json")).Json.GetProperty("snapshots").EnumerateArray());

        var again = (await Ok("ingest", path, "--dataset", "d", "--json")).Json;

        Assert.Equal(3_000_000, again.GetProperty("rows").GetInt64());
        Assert.Empty(Directory.GetFiles(lake, "*.tmp", hidden));
    }

    [Fact]
    public async Task Ingest_BinaryGarbage_FailsWithOneLineAndStoresNothing()
    {
        var path = Path.Combine(Root, "blob.csv");
        await File.WriteAllBytesAsync(path, [1, 2, 0, 3, 4]);

        var result = await Run("ingest", path, "--dataset", "d", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a text file", result.Stderr);
        Assert.Empty((await Ok("data", "list", "--json")).Json.GetProperty("snapshots").EnumerateArray());
    }

    [Fact]
    public async Task DataBridge_Declared_StoresADerivedSnapshotWithBothParents()
    {
        File.WriteAllText(Path.Combine(Root, "recur.yaml"), """
            name: m
            label: y
            bridges:
              payments:
                old: old
                new: new
                column: payment_type
                map: { card: [credit, debit] }
            """);
        await Ok("ingest", Write("old.csv", "payment_type,amount\ncard,1\ncash,2\ncard,3\n"), "--dataset", "old");
        await Ok("ingest", Write("new.csv", "payment_type,amount\ncredit,4\ndebit,5\ncash,6\n"), "--dataset", "new");

        var bridged = (await Ok("data", "bridge", "payments", "--json")).Json;
        var shown = (await Ok("data", "show", "payments", "--json")).Json;

        Assert.Equal(6, bridged.GetProperty("rows").GetInt32());
        Assert.Equal(2, bridged.GetProperty("bridged").GetInt32());
        Assert.Equal(2, shown.GetProperty("parents").GetArrayLength());
        Assert.Contains("_bridged", shown.GetProperty("schema").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Profile_Twice_StoresTheProfileNextToTheSnapshotAndReadsItBack()
    {
        var rows = string.Concat(Enumerable.Range(1, 50).Select(i => $"{i},{i % 7},{(i % 3 == 0 ? "" : "c" + i % 4)},{(i % 2 == 0 ? "a" : "b")}\n"));
        var snapshot = (await Ok("ingest", Write("d.csv", "id,x,c,y\n" + rows), "--dataset", "d", "--json")).Json.GetProperty("snapshot").GetString()!;

        var first = (await Ok("profile", "d", "--json")).Json;
        var again = (await Ok("profile", "d", "--json")).Json;
        var train = (await Ok("profile", "d", "--split", "train", "--json")).Json;
        var wrongSplit = await Run("profile", "d", "--split", "validation");

        var file = Path.Combine(Root, ".recur", "lake", snapshot + ".profile.json");
        Assert.Equal((file, false, true), (first.GetProperty("profile_file").GetString(), first.GetProperty("reused").GetBoolean(), again.GetProperty("reused").GetBoolean()));
        Assert.True(File.Exists(file));
        Assert.Equal(first.GetProperty("columns").ToString(), again.GetProperty("columns").ToString());
        var x = first.GetProperty("columns")[1];
        Assert.Equal((7L, 1001), (x.GetProperty("distinct").GetInt64(), x.GetProperty("reference").GetProperty("numbers").GetProperty("quantiles").GetArrayLength()));
        Assert.Equal(16, first.GetProperty("columns")[2].GetProperty("reference").GetProperty("missing").GetInt32());
        Assert.StartsWith(snapshot + ".train-", Path.GetFileName(train.GetProperty("profile_file").GetString()), StringComparison.Ordinal);
        Assert.InRange(train.GetProperty("rows").GetInt32(), 1, 49);
        Assert.Equal(2, wrongSplit.ExitCode);
        Assert.Single(wrongSplit.Stderr.Trim().Split('\n'));
    }
}

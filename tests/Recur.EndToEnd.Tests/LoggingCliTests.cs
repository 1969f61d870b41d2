using System.Diagnostics;

namespace Recur.EndToEnd.Tests;

/// <summary>Logs and storage as a user drives them: logs on stderr only, stdout pure JSON, --store and RECUR_LOG_LEVEL checked.</summary>
public sealed class LoggingCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    public LoggingCliTests()
    {
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "recur.yaml"), "name: m\nlabel: y\ndatasets:\n  train:\n    source: data.csv\n");
        // 99 numbers and one word: x is numeric and the word's row is quarantined.
        File.WriteAllText(Path.Combine(Root, "data.csv"), "id,x,y\n" + string.Concat(Enumerable.Range(1, 99).Select(i => $"{i},{i * 10},a\n")) + "100,oops,b\n");
    }

    private string Root => _dir.Path("p");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Ingest_VerboseJson_LogsOnStderrAndKeepsStdoutPureJson()
    {
        var result = await CliRunner.OkAsync(Root, "ingest", "train", "--json", "--verbose", "--project", Root);

        Assert.Equal(99, result.Json.GetProperty("rows").GetInt32());
        Assert.Contains("Recur.Lake.LakeIngestor[1001]", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Recur.Lake.LakeIngestor[1002]", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("[100", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_DefaultLevel_LogsOnlyWarnings()
    {
        var result = await CliRunner.OkAsync(Root, "ingest", "train", "--json", "--project", Root);

        Assert.Contains("warn: Recur.Lake.LakeIngestor[1002] 1 row(s) of train quarantined", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_Verbose_LogsTheRunCandidatesAndGateDecision()
    {
        // 300 rows where y follows x: a model the gates can judge, trained in seconds.
        var rows = Enumerable.Range(0, 300).Select(i => $"{i},{i % 50},{(i % 50 >= 25 ? "yes" : "no")},c{i % 3}");
        File.WriteAllText(Path.Combine(Root, "data.csv"), "id,x,y,c\n" + string.Join('\n', rows) + "\n");
        File.WriteAllText(Path.Combine(Root, "recur.yaml"), "name: m\nlabel: y\nkey: id\ndatasets:\n  train:\n    source: data.csv\n");
        await CliRunner.OkAsync(Root, "ingest", "train", "--project", Root);

        // The one-rule baseline is nearly perfect here, so the gate may refuse (exit 3); the run is logged either way.
        var result = await CliRunner.RunAsync(Root, "train", "--json", "--verbose", "--project", Root);

        Assert.Contains(result.ExitCode, new[] { 0, 3 });
        result.Json.GetProperty("gate");
        Assert.Contains("Recur.Pipeline.TrainingRun[7001] Training m (Binary)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Recur.Pipeline.TrainingRun[7002] Candidate lightgbm fitted", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Recur.Registry.ChampionPromotion[5010] Gate for m (attempt 1)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Recur.Storage.Sqlite.SqliteRegistryStore[8002] Registered m version 1", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Recur.Pipeline.TrainingRun[7003] Training m finished", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_LogLevelVariableHoldsNoLevel_FailsNamingIt()
    {
        var info = CliRunner.StartInfo(Root, "ingest", "train", "--project", Root);
        info.Environment["RECUR_LOG_LEVEL"] = "loud";
        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("RECUR_LOG_LEVEL='loud' is not a log level", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_StoreWithAnUnavailableScheme_FailsNamingTheOptionAndTheSchemes()
    {
        var result = await CliRunner.RunAsync(Root, "ingest", "train", "--store", "redis://db/0", "--project", Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: --store: storage scheme 'redis' is not available in this build (available: sqlite:[PATH], postgres://user:password@host:5432/database)", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, ".recur")));
    }

    [Fact]
    public async Task AnyCommand_StoreOverride_PutsTheMetadataThere()
    {
        await CliRunner.OkAsync(Root, "ingest", "train", "--store", "sqlite:meta.db", "--project", Root);

        var listed = await CliRunner.OkAsync(Root, "data", "list", "--json", "--store", "sqlite:meta.db", "--project", Root);

        Assert.True(File.Exists(Path.Combine(Root, "meta.db")));
        Assert.Contains("train", listed.Stdout, StringComparison.Ordinal);
    }
}

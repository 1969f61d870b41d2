using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// training.transfer through the loop on real data (examples/sentiment-transfer): a source project trained on 2,000 Amazon
/// and Yelp sentences, a target with 100 IMDb sentences trained from scratch and then with the source's score reused
/// frozen, both evaluated on the same 900 held-out IMDb sentences; the transfer model is served; bad sources fail
/// before any fitting, naming the key and its line.
/// </summary>
public sealed class TransferCliTests
{
    [Fact]
    public async Task SentimentTransfer_SourceToHundredRows_BeatsScratchServesAndRefusesBadSources()
    {
        using var dir = new TempDir();
        var example = CopyExample(dir, "sentiment-transfer");
        var source = Path.Combine(example, "source");
        var target = Path.Combine(example, "target");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", source);
        var trainedSource = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", source)).Json;
        var sourceSha = trainedSource.GetProperty("registered").GetProperty("artifact").GetString();

        // From scratch: the same project without the transfer block.
        var yaml = Path.Combine(target, "recur.yaml");
        var declared = File.ReadAllText(yaml);
        File.WriteAllText(yaml, Regex.Replace(declared, @"  transfer:\n(    .*\n)+", ""));
        await IngestAsync(dir, target);
        var scratch = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", target)).Json;

        File.WriteAllText(yaml, declared);
        var transfer = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", target)).Json;

        Assert.Equal(900, transfer.GetProperty("evaluation_rows").GetInt32());
        Assert.Equal(scratch.GetProperty("evaluation_rows").GetInt32(), transfer.GetProperty("evaluation_rows").GetInt32());
        var chosen = transfer.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("chosen").GetBoolean());
        Assert.Equal("transfer", chosen.GetProperty("framing").GetString());
        var lineage = chosen.GetProperty("parameters");
        Assert.Equal("sentiment-source:1", lineage.GetProperty("transfer_from").GetString());
        Assert.Equal(sourceSha, lineage.GetProperty("transfer_sha256").GetString());
        Assert.Equal("score", lineage.GetProperty("transfer_reuse").GetString());
        var auc = transfer.GetProperty("candidate").GetProperty("auc").GetDouble();
        var scratchAuc = scratch.GetProperty("candidate").GetProperty("auc").GetDouble();
        Assert.True(auc > scratchAuc + 0.03, $"transfer AUC {auc} vs scratch {scratchAuc}");
        // The scratch model is the champion: the gate's paired test on the same 900 rows promotes the transfer.
        Assert.True(transfer.GetProperty("gate").GetProperty("promote").GetBoolean(), transfer.ToString());
        var shown = (await CliRunner.OkAsync(dir.Root, "models", "show", "2", "--json", "--project", target)).Json;
        Assert.Contains("transfer_from", shown.ToString(), StringComparison.Ordinal);

        await using (var server = await ServerProcess.StartAsync(target))
        {
            using var http = server.Client();
            using var response = await http.PostAsync("/v1/models/sentiment-target:predict", Json(
                """{"instances":[{"key":"a","features":{"sentence":"A wonderful film, the acting is superb and I loved every minute"}},{"key":"b","features":{"sentence":"Boring and awful, a waste of two hours"}}]}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var predictions = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions");
            Assert.Equal("positive", predictions[0].GetProperty("label").GetString());
            Assert.Equal("negative", predictions[1].GetProperty("label").GetString());
        }

        // An unknown alias: refused before any fitting, one error line naming the key and its line.
        File.WriteAllText(yaml, declared.Replace("sentiment-source@champion", "sentiment-source@staging", StringComparison.Ordinal));
        var alias = await CliRunner.RunAsync(dir.Root, "train", "--project", target);
        Assert.NotEqual(0, alias.ExitCode);
        Assert.Contains("training.transfer.from: model 'sentiment-source' has no alias 'staging'", OneErrorLine(alias.Stderr, 37), StringComparison.Ordinal);

        // The source's chain needs a column this project does not have (reuse: features reads 'sentence').
        foreach (var file in new[] { "train.tsv", "test.tsv" })
        {
            var path = Path.Combine(target, "data", file);
            File.WriteAllText(path, "review" + File.ReadAllText(path)["sentence".Length..]);
        }
        File.WriteAllText(yaml, declared.Replace("reuse: score", "reuse: features", StringComparison.Ordinal).Replace("columns: [sentence]", "columns: [review]", StringComparison.Ordinal));
        await IngestAsync(dir, target);
        var column = await CliRunner.RunAsync(dir.Root, "train", "--project", target);
        Assert.NotEqual(0, column.ExitCode);
        Assert.Contains("'sentence' (expected text) is not an input of this project", column.Stderr, StringComparison.Ordinal);
    }

    private static string OneErrorLine(string stderr, int line)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith($"error: recur.yaml: line {line}, column ", lines[^1]);
        return lines[^1];
    }
}

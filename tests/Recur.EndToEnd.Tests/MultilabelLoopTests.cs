using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Multilabel (framing.multilabel) through the whole loop on examples/github-issues-multilabel: eight labels per issue
/// (four areas, four read from the text), one model per label with its own threshold, served as {labels, scores},
/// labelled with label sets and monitored per label; and the bad input refused before any training starts.
/// </summary>
public sealed class MultilabelLoopTests
{
    private const string Model = "github-issues-multilabel";

    [Fact]
    public async Task GithubIssuesMultilabel_GoesThroughTheWholeLoop()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, Model);
        // Lighter than the example (fewer terms, fewer L-BFGS iterations) so eight members fit quickly on a shared machine.
        var yaml = Path.Combine(root, "recur.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("max_terms: 5000", "max_terms: 1500", StringComparison.Ordinal).Replace("iterations: 1000", "iterations: 200", StringComparison.Ordinal));
        await IngestAsync(dir, root);

        // Train: averaged and per-label metrics with intervals on the 323 newest issues, the baselines, one candidate per trainer.
        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;
        Assert.Equal("multilabel", train.GetProperty("task").GetString());
        Assert.Equal("micro_f1", train.GetProperty("metric").GetString());
        var candidate = train.GetProperty("candidate");
        Assert.Equal(323, candidate.GetProperty("count").GetInt32());
        Assert.True(candidate.GetProperty("micro_f1").GetDouble() > 0.6, train.ToString());
        Assert.True(candidate.GetProperty("micro_f1_low").GetDouble() < candidate.GetProperty("micro_f1").GetDouble());
        Assert.InRange(candidate.GetProperty("hamming_loss").GetDouble(), 0, 0.2);
        foreach (var metric in new[] { "macro_f1", "subset_accuracy", "f1[net]", "precision[bug-report]", "recall[has-code]", "auc[memory]" })
        {
            Assert.True(candidate.TryGetProperty(metric, out _), metric);
        }
        Assert.Equal(["every label", "label prior", "most frequent set"], train.GetProperty("baselines").EnumerateArray().Select(b => b.GetProperty("name").GetString()!).Order());
        var chosen = train.GetProperty("candidates")[0];
        Assert.Equal("multilabel", chosen.GetProperty("framing").GetString());
        Assert.Contains("binary relevance", chosen.GetProperty("description").GetString());
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.GetProperty("gate").ToString());

        var test = File.ReadAllLines(Path.Combine(root, "data", "test.tsv")).Skip(1).Select(l => l.Split('\t')).Take(40).ToList();
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            // One issue made to carry four labels, and one with no known word.
            using var response = await http.PostAsync($"/v1/models/{Model}:predict", Json(
                """{"instances":[{"key":"x-1","features":{"Title":"HttpClient throws SocketException on Linux","Description":"On Ubuntu GetAsync crashes with this stack trace: ```var c = new HttpClient(); await c.GetAsync(url);```"}},{"key":"x-2","features":{"Title":"zzqx wvvy","Description":null}}]}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var predictions = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions");
            var labels = predictions[0].GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
            Assert.Contains("net", labels);
            Assert.Contains("cross-platform", labels);
            var scores = predictions[0].GetProperty("scores");
            Assert.Equal(8, scores.EnumerateObject().Count());
            Assert.True(scores.GetProperty("net").GetDouble() > 0.5);
            Assert.False(predictions[0].TryGetProperty("label", out _));
            Assert.Equal(0, predictions[1].GetProperty("labels").GetArrayLength());

            // Forty test issues predicted, then their true label sets fed back (in any order; "[]" for none).
            var instances = test.Select(f => new { key = f[0], features = new { Title = f[1], Description = f[2].Length == 0 ? null : f[2] } });
            using var batch = await http.PostAsync($"/v1/models/{Model}:predict", Json(JsonSerializer.Serialize(new { instances })));
            Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
            var feedback = test.Select(f => new { key = f[0], label = f[3].Length == 0 ? "[]" : string.Join(';', f[3].Split(';').Reverse()) });
            using var accepted = await http.PostAsync("/v1/feedback", Json(JsonSerializer.Serialize(new { feedback })));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            using var unknown = await http.PostAsync("/v1/feedback", Json("""{"feedback":[{"key":"x-1","label":"net;banana"}]}"""));
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("'banana' in 'net;banana' is not a label of the model", await unknown.Content.ReadAsStringAsync());
        }

        // Feedback from the CLI: the same separator; a set with a label the model does not know refuses the file.
        File.WriteAllLines(dir.Path("bad.csv"), ["key,label", "x-1,net;docs"]);
        var bad = await CliRunner.RunAsync(dir.Root, "feedback", dir.Path("bad.csv"), "--json", "--project", root);
        Assert.Equal(1, bad.ExitCode);
        File.WriteAllLines(dir.Path("labels.csv"), ["key,label", "x-1,net;bug-report;has-code;cross-platform", "x-2,[]"]);
        var labelled = (await CliRunner.OkAsync(dir.Root, "feedback", dir.Path("labels.csv"), "--json", "--project", root)).Json;
        Assert.Equal(2, labelled.GetProperty("accepted").GetInt32());

        // Monitor: live micro/macro F1, Hamming loss, subset accuracy and per-label figures from the logged and fed-back sets.
        var monitor = (await CliRunner.OkAsync(dir.Root, "monitor", "--json", "--project", root)).Json;
        Assert.Equal(42, monitor.GetProperty("labelled").GetInt32());
        var live = monitor.GetProperty("live");
        Assert.True(live.GetProperty("micro_f1").GetDouble() > 0.5, live.ToString());
        Assert.True(live.TryGetProperty("f1[net]", out _));
        Assert.True(live.TryGetProperty("hamming_loss_high", out _));
        var performance = (await CliRunner.OkAsync(dir.Root, "monitor", "performance", "--json", "--project", root)).Json;
        var window = performance.GetProperty("windows")[0];
        Assert.Equal("ok", window.GetProperty("status").GetString());
        var names = window.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Contains("micro_f1", names);
        Assert.Contains("recall[net]", names);
    }

    // Twenty rows: a number x, a text t, a list column tags and two 0/1 columns bug and docs, each made by the case.
    private static string Csv(Func<int, string> tags, Func<int, string>? docs = null)
    {
        var text = new StringBuilder("x,t,tags,bug,docs\n");
        for (var i = 0; i < 20; i++) text.Append(CultureInfo.InvariantCulture, $"{i * 0.5},{"abcd"[i % 4]},{tags(i)},{i % 2},{docs?.Invoke(i) ?? (i % 3 == 0 ? "1" : "0")}\n");
        return text.ToString();
    }

    private static string Yaml(string multilabel) => $"name: bad\nframing:\n  multilabel:\n{multilabel}datasets:\n  train:\n    source: data.csv\n";

    /// <summary>Cases only the data can reveal: the project loads and the data ingests, then train refuses naming the key's line.</summary>
    public static TheoryData<string, string, string, string, int> DataCases() => new()
    {
        { "a list column of numbers", Yaml("    column: x\n"), Csv(i => i % 2 == 0 ? "a;b" : "b"), "'x' holds real values", 4 },
        { "a list column without the separator", Yaml("    column: t\n"), Csv(i => "a"), "no value of 't' holds the separator ';'", 4 },
        { "a label in every row", Yaml("    column: tags\n"), Csv(i => i % 2 == 0 ? "a;b" : "a"), "label 'a' is in every one of the 20 rows", 4 },
        { "a 0/1 column with a 2", Yaml("    columns: [bug, docs]\n"), Csv(i => "a", i => i == 6 ? "2" : "0"), "column 'docs' holds '2' in row 7 of the data (line 8", 4 },
        { "a 0/1 column always 0", Yaml("    columns: [bug, docs]\n"), Csv(i => "a", _ => "0"), "label 'docs' is 0 in every one of the 20 rows", 4 },
    };

    [Theory]
    [MemberData(nameof(DataCases))]
    public async Task Train_BadMultilabelData_FailsNamingTheKeyAndLine(string name, string yaml, string csv, string expected, int line)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("recur.yaml"), yaml);
        File.WriteAllText(dir.Path("data.csv"), csv);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", dir.Root);

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", dir.Root);

        Assert.True(result.ExitCode == 1, $"{name}: exit {result.ExitCode}: {result.Stderr}");
        var error = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.StartsWith($"error: recur.yaml: line {line}, column ", error);
        Assert.Contains(expected, error);
        var models = (await CliRunner.OkAsync(dir.Root, "models", "list", "--json", "--project", dir.Root)).Json;
        Assert.Equal(0, models.GetProperty("versions").GetArrayLength());
    }

    /// <summary>Cases recur.yaml alone reveals.</summary>
    public static TheoryData<string, string, int> LoadCases() => new()
    {
        { Yaml("    column: tags\n    strategy: stacked\n"), "framing.multilabel.strategy: 'stacked' is not a strategy", 5 },
        { Yaml("    column: tags\n    columns: [bug, docs]\n"), "give column: (a list column) or columns: (0/1 columns), not both", 5 },
        { Yaml("    column: tags\n    order: [a, b]\n"), "framing.multilabel.order is the order of a chain", 5 },
        { "task: binary\n" + Yaml("    column: tags\n"), "framing.multilabel makes the task multilabel", 1 },
        { "label: bug\n" + Yaml("    column: tags\n"), "label: 'bug' is not framing.multilabel.column ('tags')", 1 },
        { "task: multilabel\nlabel: tags\ndatasets:\n  train:\n    source: data.csv\n", "task: multilabel needs framing.multilabel", 1 },
    };

    [Theory]
    [MemberData(nameof(LoadCases))]
    public async Task Train_BadMultilabelSetting_FailsAtLoadNamingTheLine(string yaml, string expected, int line)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("recur.yaml"), yaml);
        File.WriteAllText(dir.Path("data.csv"), Csv(i => i % 2 == 0 ? "a;b" : "b"));

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", dir.Root);

        Assert.Equal(1, result.ExitCode);
        var error = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.StartsWith($"error: recur.yaml: line {line}, column ", error);
        Assert.Contains(expected, error);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>Labels are checked where they enter, and an integer label column goes round the whole loop.</summary>
public sealed class FeedbackLabelTests
{
    // The Adult rows with the income label recoded as an integer column: 1 for >50K, 0 otherwise.
    private static void WriteIntegerLabelled(string source, string target, Func<string[], bool>? keep = null)
    {
        var lines = File.ReadAllLines(source);
        var output = new List<string> { lines[0].Replace(",income", ",rich", StringComparison.Ordinal) };
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            if (keep is not null && !keep(fields)) continue;
            fields[^1] = fields[^1].StartsWith(">50K", StringComparison.Ordinal) ? "1" : "0";
            output.Add(string.Join(',', fields));
        }
        File.WriteAllLines(target, output);
    }

    [Fact]
    public async Task Feedback_LabelsOutsideTheClasses_AreRefusedAndAnIntegerLabelRetrains()
    {
        using var dir = new TempDir();
        var root = dir.Path("p");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        var adult = Path.Combine(AppContext.BaseDirectory, "data", "adult-small");
        WriteIntegerLabelled(Path.Combine(adult, "train.csv"), Path.Combine(root, "data", "train.csv"));
        // A shifted stream (people aged 50 or more) to score: enough drift for the policy to retrain.
        WriteIntegerLabelled(Path.Combine(adult, "test.csv"), Path.Combine(root, "data", "stream.csv"), f => int.Parse(f[1]) >= 50);
        await CliRunner.OkAsync(dir.Root, "init", "--project", root, "--source", Path.Combine(root, "data", "train.csv"), "--label", "rich", "--key", "id", "--name", "rich");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "predict", Path.Combine(root, "data", "stream.csv"), "-o", Path.Combine(root, "scored.csv"), "--project", root);
        var stream = File.ReadAllLines(Path.Combine(root, "data", "stream.csv")).Skip(1).Select(l => l.Split(',')).ToList();

        // CLI: one wrong label refuses the whole file, naming the row.
        File.WriteAllLines(Path.Combine(root, "bad.csv"), ["key,label", $"{stream[0][0]},1", $"{stream[1][0]},banana", $"{stream[2][0]},2"]);
        var bad = await CliRunner.RunAsync(dir.Root, "feedback", Path.Combine(root, "bad.csv"), "--json", "--project", root);
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal(0, bad.Json.GetProperty("accepted").GetInt32());
        Assert.Equal(2, bad.Json.GetProperty("refused").GetInt32());
        Assert.Equal(2, bad.Json.GetProperty("refused_rows")[0].GetProperty("row").GetInt32());

        // REST: a JSON number is accepted when its text is a class; anything else is a 400 naming the key.
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            using var banana = await http.PostAsync("/v1/feedback", new StringContent("""{"feedback":[{"key":"x-9","label":"banana"}]}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, banana.StatusCode);
            Assert.Contains("x-9", (await banana.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
            var labels = string.Join(',', stream.Select(f => $$"""{"key":"{{f[0]}}","label":{{(f[^1] == "1" ? "1" : "\"0\"")}}}"""));
            using var ok = await http.PostAsync("/v1/feedback", new StringContent($$"""{"feedback":[{{labels}}]}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var monitor = await CliRunner.RunAsync(dir.Root, "monitor", "--retrain", "--json", "--project", root);
        Assert.True(monitor.ExitCode == 0, monitor.Stderr);
        Assert.Equal(stream.Count, monitor.Json.GetProperty("labelled").GetInt32());
        Assert.True(monitor.Json.GetProperty("decision").GetProperty("retrain").GetBoolean(), monitor.Stdout);
        Assert.Equal(JsonValueKind.Object, monitor.Json.GetProperty("retrain").ValueKind);
    }
}

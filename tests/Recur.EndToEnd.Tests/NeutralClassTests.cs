using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// framing.neutral (examples/german-credit-neutral): an abstain band chosen on the validation rows for a target
/// precision; the train report shows what abstaining buys, and the served model answers "neutral" with the reason,
/// over HTTP and in batch, logs it and takes feedback.
/// </summary>
public sealed class NeutralClassTests
{
    [Fact]
    public async Task AbstainBand_TrainServeLogFeedback_AnswersNeutralWithTheReason()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "german-credit-neutral");
        await IngestAsync(dir, root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;

        var neutral = train.GetProperty("neutral");
        Assert.Equal("abstain band", neutral.GetProperty("mode").GetString());
        var band = neutral.GetProperty("band");
        var (low, high) = (band.GetProperty("low").GetDouble(), band.GetProperty("high").GetDouble());
        Assert.True(low <= 0.5 && 0.5 <= high && low < high, $"band [{low}, {high})");
        var abstained = neutral.GetProperty("abstained");
        Assert.InRange(abstained.GetProperty("value").GetDouble(), 0.01, 0.99);
        Assert.True(abstained.GetProperty("low").GetDouble() < abstained.GetProperty("value").GetDouble());
        var decided = neutral.GetProperty("decided_accuracy").GetProperty("value").GetDouble();
        var all = neutral.GetProperty("accuracy_all_decided").GetDouble();
        Assert.True(decided > all, $"decided accuracy {decided} should beat {all} when every row is decided");
        Assert.Equal(300, neutral.GetProperty("rows").GetInt32());
        var curve = neutral.GetProperty("curve").EnumerateArray().ToList();
        Assert.Equal(11, curve.Count);
        Assert.Equal(0.0, curve[0].GetProperty("abstained").GetDouble());
        Assert.Equal(all, curve[0].GetProperty("accuracy").GetDouble(), 9);
        Assert.Equal(decided, train.GetProperty("candidate").GetProperty("decided_accuracy").GetDouble(), 9);
        AssertReport(train, root, "Neutral class", "decided accuracy");

        // Batch scoring applies the band from the model file: some applicants are answered neutral.
        var lines = File.ReadAllLines(Path.Combine(root, "data", "german-test.data")).Select(l => l.Trim().Split(' ')).ToList();
        File.WriteAllLines(dir.Path("applicants.csv"), ["key," + string.Join(',', GermanCredit.Inputs), .. lines.Select((f, i) => $"a-{i}," + string.Join(',', f[..20]))]);
        await CliRunner.OkAsync(dir.Root, "predict", dir.Path("applicants.csv"), "-o", dir.Path("scored.csv"), "--json", "--project", root);
        var scored = File.ReadAllLines(dir.Path("scored.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var inside = scored.FindIndex(s => s[1] == "neutral");
        var outside = scored.FindIndex(s => s[1] != "neutral");
        Assert.True(inside >= 0, "no applicant fell inside the band");
        var insideScore = double.Parse(scored[inside][2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(insideScore, low, high);

        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            string Instance(int row) => "{\"key\":\"a-" + row + "\",\"features\":{" + string.Join(',', GermanCredit.Inputs.Select((name, c) =>
                $"\"{name}\":" + (double.TryParse(lines[row][c], System.Globalization.CultureInfo.InvariantCulture, out _) ? lines[row][c] : $"\"{lines[row][c]}\""))) + "}}";
            using var response = await http.PostAsync("/v1/models/german-credit-neutral:predict", Json($"{{\"instances\":[{Instance(inside)},{Instance(outside)}]}}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var predictions = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions");
            Assert.Equal("neutral", predictions[0].GetProperty("label").GetString());
            Assert.Matches(@"^score 0\.\d\d inside the abstain band \[0\.\d\d, 0\.\d\d\) chosen for precision 0\.80$", predictions[0].GetProperty("reason").GetString());
            Assert.NotEqual("neutral", predictions[1].GetProperty("label").GetString());
            Assert.False(predictions[1].TryGetProperty("reason", out _));

            // The truth arrives later for both applicants: the log holds the neutral answer, feedback joins it.
            var truth = lines[inside][20] == "2" ? "bad" : "good";
            using var feedback = await http.PostAsync("/v1/feedback", Json($"{{\"feedback\":[{{\"key\":\"a-{inside}\",\"label\":\"{truth}\"}}]}}"));
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        }

        // Monitor reads the log (the two served answers and the batch's) and the joined feedback.
        var monitor = await CliRunner.RunAsync(dir.Root, "monitor", "--json", "--project", root);
        Assert.True(monitor.ExitCode is 0 or 2, monitor.Stderr);
        Assert.True(monitor.Json.GetProperty("logged").GetInt32() >= 2);
        Assert.True(monitor.Json.GetProperty("labelled").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("    value: maybe\n", "framing.neutral.value: 'maybe' never occurs in label 'risk' (values: bad, good)")]
    [InlineData("    score_column: duration\n    band: [0, 100]\n", "framing.neutral: band [0, 100] of 'duration' marks 700 of 700 rows neutral")]
    [InlineData("    target_precision: 1.2\n", "framing.neutral.target_precision must be in (0, 1), not 1.2")]
    public async Task Train_BadNeutral_ExitsOneNamingTheKeyAndLine(string yaml, string expected)
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "german-credit-neutral");
        var path = Path.Combine(root, "recur.yaml");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("  neutral:\n", StringComparison.Ordinal);
        var end = text.IndexOf("\npromotion:", StringComparison.Ordinal);
        File.WriteAllText(path, text[..start] + "  neutral:\n" + yaml + text[end..]);
        // A setting wrong on its own fails every command, ingest included; the data checks wait for train.
        await CliRunner.RunAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.RunAsync(dir.Root, "ingest", "test", "--project", root);

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("recur.yaml: line ", result.Stderr, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Rule-based safeguards declared in recur.yaml beside examples/german-credit, driven through a running server and the
/// CLI as a user would: a clamped out-of-range value, an override, a rejected value, an abstain band, a fallback to the
/// training prior, and the per-rule counts from the prediction log.
/// </summary>
public sealed class SafeguardsServeTests
{
    private const string Guards = """

        safeguards:
          inputs:
            range: { action: clamp }
            domain: { action: flag }
            columns: { duration: { range: reject } }
          overrides:
            - name: no-minors
              when: "age < 18"
              label: bad

        """;

    private static readonly string[] Names = GermanCredit.Inputs;

    [Fact]
    public async Task GermanCredit_Safeguards_AnswerWithTheRulesThatFiredAndCountThem()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "german-credit");
        var config = Path.Combine(root, "recur.yaml");
        var original = File.ReadAllText(config);
        File.WriteAllText(config, original + Guards);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root);

        // The compiled rules show what they learned from the training split.
        var shown = (await CliRunner.OkAsync(dir.Root, "safeguards", "show", "--json", "--project", root)).Json;
        var rules = shown.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        var amountRange = rules["range:amount:clamp"].GetProperty("learned").GetString()!;
        var amountMax = double.Parse(amountRange.Split("..")[1], CultureInfo.InvariantCulture);
        Assert.Contains("range:duration:reject", rules.Keys);
        Assert.Contains("domain:checking:flag", rules.Keys);
        Assert.Equal("age < 18 → bad", rules["override:no-minors"].GetProperty("learned").GetString());

        var applicant = Applicant(root);
        double plainScore;
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            // An amount far above anything seen in training is clamped to the training maximum before scoring.
            var huge = await PredictAsync(http, With(applicant, "amount", "1000000"));
            var atMax = await PredictAsync(http, With(applicant, "amount", amountMax.ToString("R", CultureInfo.InvariantCulture)));
            Assert.Equal(["range:amount:clamp"], Rules(huge));
            Assert.Equal(atMax.GetProperty("score").GetDouble(), huge.GetProperty("score").GetDouble(), 6);
            Assert.False(atMax.TryGetProperty("rules", out _));

            // A minor: the age is clamped for the model, and the business rule answers 'bad' whatever the model says.
            var minor = await PredictAsync(http, With(applicant, "age", "16"));
            Assert.Equal(["range:age:clamp", "override:no-minors"], Rules(minor));
            Assert.Equal("bad", minor.GetProperty("label").GetString());

            // An unseen category is flagged and answered normally; a plain applicant has no rules.
            var unseen = await PredictAsync(http, With(applicant, "checking", "\"A99\""));
            Assert.Equal(["domain:checking:flag"], Rules(unseen));
            var plain = await PredictAsync(http, applicant);
            Assert.False(plain.TryGetProperty("rules", out _));
            plainScore = plain.GetProperty("score").GetDouble();

            // A duration outside the training range is refused with the field and the rule named.
            using var rejected = await http.PostAsync("/v1/models/german-credit:predict", Json(Body(With(applicant, "duration", "500"))));
            Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
            var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("instances[0].features.duration", problem.GetProperty("field").GetString());
            Assert.Contains("500 is outside the training range", problem.GetProperty("detail").GetString());
            Assert.Contains("range:duration:reject", problem.GetProperty("detail").GetString());

            // The endpoint lists the routed version's rules and counts what fired in the log (5 answered, the rejected one not logged).
            var counts = await WaitForCountsAsync(http, 5);
            Assert.Equal(1, counts.GetProperty("counts").GetProperty("range:amount:clamp").GetInt32());
            Assert.Equal(1, counts.GetProperty("counts").GetProperty("override:no-minors").GetInt32());
            Assert.Equal(3, counts.GetProperty("guarded").GetInt32());
            Assert.Contains(counts.GetProperty("rules").EnumerateArray(), r => r.GetProperty("name").GetString() == "range:age:clamp");
        }

        // recur predict scores a file through the same safeguards; the report counts server and file predictions alike.
        var file = Path.Combine(dir.Root, "applicants.csv");
        File.WriteAllLines(file, [string.Join(',', Names), Csv(applicant), Csv(With(applicant, "amount", "1000000")), Csv(With(applicant, "age", "16"))]);
        await CliRunner.OkAsync(dir.Root, "predict", file, "--output", Path.Combine(dir.Root, "scored.csv"), "--project", root);
        var scored = File.ReadAllLines(Path.Combine(dir.Root, "scored.csv"));
        Assert.Equal("bad", scored[3].Split(',')[1]);
        Assert.EndsWith(",rules", scored[0]);
        Assert.Contains("override:no-minors", scored[3].Split(',')[^1].Split(' '));
        Assert.Contains("range:amount:clamp", scored[2].Split(',')[^1].Split(' '));
        var report = (await CliRunner.OkAsync(dir.Root, "safeguards", "report", "--json", "--project", root)).Json;
        Assert.Equal(8, report.GetProperty("predictions").GetInt32());
        Assert.Equal(5, report.GetProperty("guarded").GetInt32());
        Assert.Equal(2, report.GetProperty("rules").GetProperty("range:amount:clamp").GetInt32());
        Assert.Equal(2, report.GetProperty("rules").GetProperty("override:no-minors").GetInt32());
        Assert.Equal(2, report.GetProperty("rules").GetProperty("range:age:clamp").GetInt32());
        Assert.Equal(1, report.GetProperty("rules").GetProperty("domain:checking:flag").GetInt32());
        var human = await CliRunner.OkAsync(dir.Root, "safeguards", "report", "--project", root);
        Assert.Contains("5 of 8 predictions", human.Stdout);

        // Abstain: a score inside the band answers the neutral label; a fallback answers the training prior, marked.
        var low = (plainScore - 0.001).ToString("R", CultureInfo.InvariantCulture);
        var high = (plainScore + 0.001).ToString("R", CultureInfo.InvariantCulture);
        File.WriteAllText(config, original + Guards + $"  abstain: {{ band: [{low}, {high}], label: review }}\n");
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            var inBand = await PredictAsync(http, applicant);
            Assert.Equal("review", inBand.GetProperty("label").GetString());
            Assert.Equal(["abstain"], Rules(inBand));
            var outside = await PredictAsync(http, With(applicant, "amount", "1000000"));
            Assert.NotEqual("review", outside.GetProperty("label").GetString());
        }
        File.WriteAllText(config, original + Guards + "  fallback: { latency_budget_ms: 0.000001 }\n");
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            var fallback = await PredictAsync(http, applicant);
            Assert.Equal(["fallback:latency"], Rules(fallback));
            Assert.Equal("good", fallback.GetProperty("label").GetString());    // the majority class of the training split
            Assert.InRange(fallback.GetProperty("score").GetDouble(), 0.25, 0.35);  // its rate of bad credit (30 % in the data)
            var served = await http.GetFromJsonAsync<JsonElement>("/v1/models/german-credit/safeguards");
            Assert.Equal("good", served.GetProperty("baseline").GetProperty("label").GetString());
        }
    }

    [Fact]
    public async Task GermanCredit_SafeguardOnUnknownColumn_IsRefusedAtLoadNamingTheKey()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "german-credit");
        var config = Path.Combine(root, "recur.yaml");
        File.WriteAllText(config, File.ReadAllText(config) + "\nsafeguards:\n  inputs:\n    columns:\n      agee: { range: reject }\n");

        var result = await CliRunner.RunAsync(dir.Root, "safeguards", "report", "--project", root);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("safeguards.inputs.columns.agee: unknown column 'agee'", result.Stderr);
        Assert.Contains("line ", result.Stderr);
    }

    private static Dictionary<string, string> Applicant(string root)
    {
        var cells = File.ReadLines(Path.Combine(root, "data", "german.data")).First().Trim().Split(' ');
        return Names.Select((n, i) => (n, v: double.TryParse(cells[i], CultureInfo.InvariantCulture, out _) ? cells[i] : $"\"{cells[i]}\"")).ToDictionary(p => p.n, p => p.v);
    }

    private static Dictionary<string, string> With(Dictionary<string, string> applicant, string name, string value) => new(applicant) { [name] = value };

    private static string Body(Dictionary<string, string> features) =>
        "{\"instances\":[{\"key\":\"a-" + Guid.NewGuid().ToString("N")[..8] + "\",\"features\":{" + string.Join(",", features.Select(p => $"\"{p.Key}\":{p.Value}")) + "}}]}";

    private static string Csv(Dictionary<string, string> features) => string.Join(',', Names.Select(n => features[n].Trim('"')));

    private static async Task<JsonElement> PredictAsync(HttpClient http, Dictionary<string, string> features)
    {
        using var response = await http.PostAsync("/v1/models/german-credit:predict", Json(Body(features)));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("predictions")[0];
    }

    private static string[] Rules(JsonElement prediction) => [.. prediction.GetProperty("rules").EnumerateArray().Select(r => r.GetString()!)];

    // The log is written off the request path: wait until it holds what was answered.
    private static async Task<JsonElement> WaitForCountsAsync(HttpClient http, int predictions)
    {
        for (var attempt = 0; ; attempt++)
        {
            var view = await http.GetFromJsonAsync<JsonElement>("/v1/models/german-credit/safeguards");
            if (view.GetProperty("predictions").GetInt32() >= predictions || attempt == 50) return view;
            await Task.Delay(100);
        }
    }
}

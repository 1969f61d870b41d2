using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary><c>/metrics</c> (Prometheus text) and <c>/readyz</c> on a running <c>recur serve</c>, after real requests.</summary>
public sealed class ObservabilityTests
{
    private const string Features = AdultRequest.Features;
    private const string PredictRoute = "/v1/models/{name}:predict";

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    // Sample lines "name{labels} value" by name-with-labels; comments and blank lines skipped.
    private static Dictionary<string, double> Samples(string text) =>
        text.Split('\n').Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => (Key: l[..l.LastIndexOf(' ')], Value: l[(l.LastIndexOf(' ') + 1)..]))
            .ToDictionary(p => p.Key, p => double.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static async Task<string> InitAsync(TempDir dir, string extraYaml = "")
    {
        var root = dir.Path("adult");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv"), Path.Combine(root, "data", "train.csv"));
        await CliRunner.OkAsync(dir.Root, "init", "--project", root, "--source", Path.Combine(root, "data", "train.csv"), "--label", "income", "--key", "id", "--name", "adult");
        File.AppendAllText(Path.Combine(root, "recur.yaml"), extraYaml);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root, "--json");
        return root;
    }

    [Fact]
    public async Task Metrics_AfterPredictionsAndABadRequest_CountsRequestsPredictionsSafeguardHitsAndLatency()
    {
        using var dir = new TempDir();
        var root = await InitAsync(dir, "\nsafeguards:\n  overrides:\n    - name: seniors\n      when: \"age > 80\"\n      label: \">50K\"\n");
        await CliRunner.OkAsync(dir.Root, "train", "--project", root, "--json");
        await using var server = await ServerProcess.StartAsync(root);
        using var http = server.Client();

        for (var i = 0; i < 3; i++)
        {
            using var ok = await http.PostAsync("/v1/models/adult:predict", Body($$"""{"instances":[{"key":"k-{{i}}","features":{{Features}}}]}"""));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using (var senior = await http.PostAsync("/v1/models/adult:predict", Body($$"""{"instances":[{"key":"s-1","features":{{Features.Replace("\"age\":39", "\"age\":90")}}},{"key":"s-2","features":{{Features}}}]}""")))
        {
            Assert.Equal(HttpStatusCode.OK, senior.StatusCode);
        }
        using (var bad = await http.PostAsync("/v1/models/adult:predict", Body("""{"instances":[]}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("version=0.0.4", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var samples = Samples(text);
        Assert.Equal(4, samples[$"recur_requests_total{{route=\"{PredictRoute}\",method=\"POST\",status=\"200\"}}"]);
        Assert.Equal(1, samples[$"recur_requests_total{{route=\"{PredictRoute}\",method=\"POST\",status=\"400\"}}"]);
        Assert.Equal(5, samples["recur_predictions_total{model=\"adult\",version=\"1\"}"]);
        Assert.Equal(1, samples["recur_safeguard_hits_total{model=\"adult\",rule=\"override:seniors\"}"]);
        Assert.Equal(4, samples[$"recur_request_duration_seconds_count{{model=\"adult\",version=\"1\",route=\"{PredictRoute}\"}}"]);
        Assert.Equal(4, samples[$"recur_request_duration_seconds_bucket{{model=\"adult\",version=\"1\",route=\"{PredictRoute}\",le=\"+Inf\"}}"]);
        Assert.InRange(samples[$"recur_request_duration_seconds_sum{{model=\"adult\",version=\"1\",route=\"{PredictRoute}\"}}"], 1e-6, 60);
        Assert.InRange(samples["recur_log_queue_depth"], 0, 5);
        Assert.Equal(0, samples["recur_log_write_failures_total"]);
        // durability fsync (the default): every answered record was fsynced, in at most one group commit each.
        Assert.True(samples["recur_log_frames_written_total"] >= 5, $"frames written: {samples["recur_log_frames_written_total"]}");
        Assert.InRange(samples["recur_log_fsync_batches_total"], 1, samples["recur_log_frames_written_total"]);
        Assert.Equal(0, samples["recur_log_rejected_total"]);
        Assert.True(samples["process_cpu_seconds_total"] > 0);
        Assert.Contains("# TYPE recur_loop_decisions_total counter", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_NoModelTrainedYet_Answers503NamingTheChampionThenReadyOnceTrained()
    {
        using var dir = new TempDir();
        var root = await InitAsync(dir);
        await using var server = await ServerProcess.StartAsync(root);
        using var http = server.Client();

        using (var health = await http.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using (var before = await http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            var body = JsonDocument.Parse(await before.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("not_ready", body.GetProperty("status").GetString());
            var missing = Assert.Single(body.GetProperty("not_ready").EnumerateArray());
            Assert.Equal("adult@champion", missing.GetProperty("what").GetString());
            Assert.Contains("no alias 'champion'", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await CliRunner.OkAsync(dir.Root, "train", "--project", root, "--json");
        var status = HttpStatusCode.ServiceUnavailable;
        var answer = "";
        for (var attempt = 0; attempt < 50 && status != HttpStatusCode.OK; attempt++)
        {
            using var after = await http.GetAsync("/readyz");
            (status, answer) = (after.StatusCode, await after.Content.ReadAsStringAsync());
            if (status != HttpStatusCode.OK) await Task.Delay(200);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", JsonDocument.Parse(answer).RootElement.GetProperty("status").GetString());
    }
}

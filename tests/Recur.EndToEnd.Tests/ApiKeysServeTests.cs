using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>`recur keys` and `recur serve` as a user drives them: create keys, serve, predict with and without one, revoke.</summary>
public sealed class ApiKeysServeTests(TrainedProject project) : IClassFixture<TrainedProject>
{
    private static readonly string Predict = $$"""{"instances":[{"key":"k-1","features":{{AdultRequest.Features}}}]}""";

    private static async Task<HttpResponseMessage> PredictAsync(HttpClient http, string? key, string? requestId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/adult:predict") { Content = new StringContent(Predict, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (requestId is not null) request.Headers.Add("X-Request-Id", requestId);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task Keys_CreateServeRevoke_401WithoutOr403WrongScopeThen401AfterRevoke()
    {
        var root = project.Root;
        File.AppendAllText(Path.Combine(root, "recur.yaml"), "\nserving:\n  auth: required\n  access_log: true\n");
        var created = (await CliRunner.OkAsync(root, "keys", "create", "ci", "--scope", "predict", "--json", "--project", root)).Json;
        var key = created.GetProperty("key").GetString()!;
        var prefix = created.GetProperty("prefix").GetString()!;
        var labeller = (await CliRunner.OkAsync(root, "keys", "create", "labeller", "--scope", "feedback", "--json", "--project", root)).Json.GetProperty("key").GetString()!;
        Assert.StartsWith($"recur_{prefix}_", key);
        Assert.Equal(["predict"], created.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        var badScope = await CliRunner.RunAsync(root, "keys", "create", "x", "--scope", "predict,write", "--project", root);
        Assert.Equal(1, badScope.ExitCode);
        Assert.Equal("error: --scope: 'write' is not a scope (scopes: predict, feedback, admin)", badScope.Stderr.Trim());
        var duplicate = await CliRunner.RunAsync(root, "keys", "create", "ci", "--project", root);
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("a key named 'ci' exists", duplicate.Stderr);

        var list = await CliRunner.OkAsync(root, "keys", "list", "--json", "--project", root);
        Assert.DoesNotContain(key[15..], list.Stdout);
        Assert.Equal(["ci", "labeller"], list.Json.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("name").GetString()));

        await using (var server = await ServerProcess.StartAsync(root, "--log-format", "json"))
        {
            using var http = server.Client();
            using (var none = await PredictAsync(http, key: null)) Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            using (var wrong = await PredictAsync(http, labeller)) Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
            using (var ok = await PredictAsync(http, key, requestId: "e2e-request-1"))
            {
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
                Assert.Equal("e2e-request-1", ok.Headers.GetValues("X-Request-Id").Single());
            }

            var revoke = await CliRunner.OkAsync(root, "keys", "revoke", prefix, "--json", "--project", root);
            Assert.Equal("ci", revoke.Json.GetProperty("name").GetString());
            var clock = Stopwatch.StartNew();
            HttpStatusCode status;
            do
            {
                using var after = await PredictAsync(http, key);
                status = after.StatusCode;
                if (status != HttpStatusCode.Unauthorized) await Task.Delay(50);
            }
            while (status != HttpStatusCode.Unauthorized && clock.Elapsed < TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.Unauthorized, status);

            // Every stderr line is a JSON object; the start-up line says keys are required; the access line names the key, never shows it.
            await Task.Delay(200);
            var lines = server.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var logs = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
            Assert.Contains(logs, l => l.GetProperty("Message").GetString()!.StartsWith("API keys: required", StringComparison.Ordinal));
            var access = logs.Single(l => l.GetProperty("Message").GetString()!.Contains("request_id=e2e-request-1", StringComparison.Ordinal));
            Assert.Equal("ci", access.GetProperty("State").GetProperty("KeyName").GetString());
            Assert.Equal(200, access.GetProperty("State").GetProperty("Status").GetInt32());
            // The request named no version: the line names the one that answered (the champion, version 1).
            Assert.Equal(("adult", "1"), (access.GetProperty("State").GetProperty("Model").GetString(), access.GetProperty("State").GetProperty("Version").GetString()));
            Assert.Contains(access.GetProperty("Scopes").EnumerateArray(), s => s.TryGetProperty("request_id", out var id) && id.GetString() == "e2e-request-1");
            Assert.DoesNotContain(key[15..], server.Stderr);
        }

        var unknown = await CliRunner.RunAsync(root, "keys", "revoke", "nosuchkey", "--project", root);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no key has id or prefix 'nosuchkey'", unknown.Stderr);
        var listed = (await CliRunner.OkAsync(root, "keys", "list", "--json", "--project", root)).Json.GetProperty("keys").EnumerateArray().First();
        Assert.False(listed.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("last_used").ValueKind);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>What is served is what was registered: model files are checked at every load, and training is byte-reproducible.</summary>
public sealed class ModelTrustTests(TrainedProject project) : IClassFixture<TrainedProject>
{
    private const string Features = AdultRequest.Features;

    private async Task<string> ArtifactPathAsync()
    {
        var sha = (await CliRunner.OkAsync(project.Root, "models", "show", "1", "--json", "--project", project.Root)).Json.GetProperty("artifact_sha256").GetString()!;
        return Path.Combine(project.Root, ".recur", "artifacts", "sha256", sha[..2], sha);
    }

    [Fact]
    public async Task TamperedModelFile_IsRefusedEverywhereAndServesAgainOnceRestored()
    {
        var path = await ArtifactPathAsync();
        var good = await File.ReadAllBytesAsync(path);
        await using var server = await ServerProcess.StartAsync(project.Root);
        using var http = server.Client();
        var body = new StringContent($$"""{"instances":[{"key":"t-1","features":{{Features}}}]}""", Encoding.UTF8, "application/json");
        try
        {
            await File.WriteAllBytesAsync(path, good[..(good.Length / 2)]);

            var verify = await CliRunner.RunAsync(project.Root, "models", "verify", "--json", "--project", project.Root);
            var eval = await CliRunner.RunAsync(project.Root, "eval", "--project", project.Root);
            using var predict = await http.PostAsync("/v1/models/adult:predict", body);
            using var health = await http.GetAsync("/healthz");

            Assert.Equal(1, verify.ExitCode);
            Assert.False(verify.Json.GetProperty("ok").GetBoolean());
            Assert.Equal(1, eval.ExitCode);
            Assert.Contains("version 1", eval.Stderr);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, predict.StatusCode);
            var problem = await predict.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("version 1", problem.GetProperty("detail").GetString());
            Assert.DoesNotContain(project.Root, problem.GetRawText());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("degraded", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
        finally
        {
            await File.WriteAllBytesAsync(path, good);
        }

        using var again = await http.PostAsync("/v1/models/adult:predict", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(0, (await CliRunner.RunAsync(project.Root, "models", "verify", "--project", project.Root)).ExitCode);
    }

    [Fact]
    public async Task Train_SameSnapshotConfigAndSeedAgain_RegistersNothingAndNamesTheEqualVersion()
    {
        // The gate says no (a model cannot be significantly better than itself) and nothing is registered.
        var again = await CliRunner.RunAsync(project.Root, "train", "--json", "--project", project.Root);

        Assert.True(again.ExitCode is 0 or 3, again.Stderr);
        Assert.Equal(JsonValueKind.Null, again.Json.GetProperty("registered").ValueKind);
        Assert.Equal(1, again.Json.GetProperty("same_as").GetProperty("version").GetInt32());
        var versions = (await CliRunner.OkAsync(project.Root, "models", "list", "--json", "--project", project.Root)).Json.GetProperty("versions");
        Assert.Equal(1, versions.GetArrayLength());
    }
}

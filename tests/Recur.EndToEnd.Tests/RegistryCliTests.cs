using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// The registry as a user drives it: two trained versions, a promotion with a reason, the history with who, why and the
/// numbers, a rollback that the server then serves, tags, diff and export as reviewable documents, and bad promotions
/// refused with one precise line.
/// </summary>
public sealed class RegistryCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Root => _dir.Path("adult");

    private Task<CliResult> Ok(params string[] args) => CliRunner.OkAsync(Root, [.. args, "--project", Root]);

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(Root, [.. args, "--project", Root]);

    private async Task TrainTwiceAsync()
    {
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv"), Path.Combine(Root, "data", "train.csv"));
        await CliRunner.OkAsync(_dir.Root, "init", "--project", Root, "--source", Path.Combine(Root, "data", "train.csv"), "--label", "income", "--key", "id", "--name", "adult");
        await Ok("ingest", "train", "--json");
        await Ok("train", "--json");
        // Smaller trees give a second model; the gate registers it as the champion or, if it is not better, the challenger.
        var yaml = Path.Combine(Root, "recur.yaml");
        await File.WriteAllTextAsync(yaml, (await File.ReadAllTextAsync(yaml)).Replace("leaves: 31", "leaves: 7", StringComparison.Ordinal));
        var second = await Run("train", "--json");
        Assert.True(second.ExitCode is 0 or 3, second.Stderr);
        Assert.Equal(2, (await Ok("models", "list", "--json")).Json.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task PromoteHistoryRollback_TheServerServesThePreviousChampion()
    {
        await TrainTwiceAsync();
        // Whichever version the gate made champion, start from version 1.
        await Ok("models", "alias", "champion", "1");

        var promoted = (await Ok("models", "promote", "2", "--reason", "smaller trees reviewed by risk", "--actor", "alice", "--json")).Json;
        var history = (await Ok("models", "history", "--alias", "champion", "--json")).Json.GetProperty("events");
        var table = await Ok("models", "history");
        var rolled = (await Ok("models", "rollback", "--reason", "v2 misbehaves in production", "--actor", "bob", "--json")).Json;
        await Ok("models", "promote", "1", "--alias", "production", "--reason", "first release");
        var again = await Run("models", "rollback", "--alias", "production", "--reason", "once more");

        Assert.Equal(("promoted", "alice", "smaller trees reviewed by risk", 2), (promoted.GetProperty("kind").GetString(), promoted.GetProperty("actor").GetString(),
            promoted.GetProperty("reason").GetString(), promoted.GetProperty("version").GetInt32()));
        var latest = history[0];
        Assert.Equal("promoted", latest.GetProperty("kind").GetString());
        Assert.True(latest.GetProperty("metrics").TryGetProperty("auc", out _));
        Assert.Equal("registered", history[history.GetArrayLength() - 1].GetProperty("kind").GetString());
        Assert.Contains("alice", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("promoted", table.Stdout, StringComparison.Ordinal);
        Assert.Equal("smaller trees reviewed by risk", latest.GetProperty("reason").GetString());
        Assert.Equal(1, latest.GetProperty("previous_version").GetInt32());
        Assert.Equal(("rolled_back", "bob", 1, 2), (rolled.GetProperty("kind").GetString(), rolled.GetProperty("actor").GetString(),
            rolled.GetProperty("version").GetInt32(), rolled.GetProperty("previous_version").GetInt32()));
        Assert.Equal(1, again.ExitCode);
        Assert.Single(again.Stderr.Trim().Split('\n'));
        Assert.Contains("no earlier target", again.Stderr, StringComparison.Ordinal);

        await using var server = await ServerProcess.StartAsync(Root);
        using var http = server.Client();
        using var predict = await http.PostAsync("/v1/models/adult:predict",
            new StringContent($$"""{"instances":[{"key":"r-1","features":{{AdultRequest.Features}}}]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
        Assert.Equal(1, (await predict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0].GetProperty("model_version").GetInt32());

        using var viaApi = await http.PostAsJsonAsync("/v1/models/adult/aliases/champion", new { version = 2, reason = "canary looked fine" });
        using var noReason = await http.PostAsJsonAsync("/v1/models/adult/aliases/champion", new { version = 2 });
        using var unknown = await http.PostAsJsonAsync("/v1/models/adult/aliases/champion", new { version = 99, reason = "x" });
        var events = (await http.GetFromJsonAsync<JsonElement>("/v1/models/adult/events?alias=champion")).GetProperty("events");

        Assert.Equal(HttpStatusCode.OK, viaApi.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("reason", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(("api", "canary looked fine", 1), (events[0].GetProperty("actor").GetString(), events[0].GetProperty("reason").GetString(),
            events[0].GetProperty("previous_version").GetInt32()));
    }

    [Fact]
    public async Task DiffExportTagShow_DescribeTheVersionsForReview()
    {
        await TrainTwiceAsync();

        var diff = (await Ok("models", "diff", "1", "2", "--json")).Json;
        var diffTable = await Ok("models", "diff", "v1", "adult:2");
        var first = _dir.Path("v1-a.json");
        var second = _dir.Path("v1-b.json");
        await Ok("models", "export", "1", "--format", "json", "--output", first);
        await Ok("models", "export", "adult:1", "--format", "json", "--output", second);
        var stdout = await Ok("models", "export", "1");
        await Ok("models", "tag", "1", "owner=risk-team", "ticket=R-12");
        await Ok("models", "tag", "1", "--remove", "ticket");
        var shown = (await Ok("models", "show", "1", "--json")).Json;
        var showTable = await Ok("models", "show", "1");

        var sections = diff.GetProperty("sections");
        Assert.True(sections.GetProperty("metrics").GetArrayLength() > 3);
        Assert.Contains(sections.GetProperty("lineage").EnumerateArray(), r => r.GetProperty("item").GetString() == "config_hash");
        Assert.Contains(sections.GetProperty("trainer").EnumerateArray(), r => r.GetProperty("item").GetString() == "params.leaves");
        Assert.Contains(diff.GetProperty("summary").EnumerateArray(), s => s.GetString()!.StartsWith("structure:", StringComparison.Ordinal));
        Assert.Contains("structure", diffTable.Stdout, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(first);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(second));
        Assert.Equal(Encoding.UTF8.GetString(bytes), stdout.Stdout);
        var document = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal("recur-model-document/1", document.GetProperty("format").GetString());
        Assert.Equal(14, document.GetProperty("inputs").GetArrayLength());
        Assert.Equal("lightgbm", document.GetProperty("trainer").GetProperty("name").GetString());
        var structure = document.GetProperty("structure");
        Assert.Equal("trees", structure.GetProperty("kind").GetString());
        Assert.Equal(structure.GetProperty("tree_count").GetInt32(), structure.GetProperty("trees").GetArrayLength());
        Assert.True(structure.GetProperty("trees")[0].TryGetProperty("feature", out _));
        Assert.StartsWith(".NET", document.GetProperty("lineage").GetProperty("environment").GetProperty("runtime").GetString(), StringComparison.Ordinal);
        Assert.Equal("risk-team", shown.GetProperty("tags").GetProperty("owner").GetString());
        Assert.False(shown.GetProperty("tags").TryGetProperty("ticket", out _));
        Assert.True(shown.GetProperty("lineage").GetProperty("environment").GetProperty("packages").TryGetProperty("Microsoft.ML.LightGbm", out _));
        Assert.Contains("owner=risk-team", showTable.Stdout, StringComparison.Ordinal);
        Assert.Contains("runtime", showTable.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadPromote_ExitsNonZeroWithOnePreciseLine()
    {
        await TrainTwiceAsync();

        var unknown = await Run("models", "promote", "99", "--reason", "typo");
        var noReason = await Run("models", "promote", "2");
        var badAlias = await Run("models", "promote", "2", "--alias", "champ ion", "--reason", "x");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Single(unknown.Stderr.Trim().Split('\n'));
        Assert.Contains("no version 99", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, noReason.ExitCode);
        Assert.Single(noReason.Stderr.Trim().Split('\n'));
        Assert.Contains("--reason is required", noReason.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, badAlias.ExitCode);
        Assert.Contains("alias 'champ ion'", badAlias.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, (await Ok("models", "history", "--json")).Json.GetProperty("events").GetArrayLength());
    }

    public void Dispose() => _dir.Dispose();
}

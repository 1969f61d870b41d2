using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Free text through the loop on real data: the GitHub issues (two text columns, title and description, each with
/// its own TF-IDF vocabulary, into 22 areas, split by time on the issue number) and the UCI sentiment sentences (binary).
/// </summary>
public sealed class TextFeaturesTests
{
    [Fact]
    public async Task GithubIssues_TitleAndDescription_TrainsServesAndCutsOverlongText()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "github-issues");
        await IngestAsync(dir, root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;
        Assert.Equal("multiclass", train.GetProperty("task").GetString());
        Assert.Equal(323, train.GetProperty("evaluation_rows").GetInt32());
        Assert.True(train.GetProperty("candidate").GetProperty("macro_f1").GetDouble() > 0.38, train.ToString());
        Assert.True(train.GetProperty("candidate").GetProperty("accuracy").GetDouble() > 0.55, train.ToString());
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.ToString());

        var show = (await CliRunner.OkAsync(dir.Root, "features", "show", "--json", "--project", root)).Json;
        var steps = show.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["Title", "Description"], steps.Select(s => s.GetProperty("inputs")[0].GetString()));
        Assert.All(steps, s => Assert.Equal("tfidf", s.GetProperty("transform").GetString()));
        Assert.True(show.GetProperty("features").GetInt32() > 2000);

        await using var server = await ServerProcess.StartAsync(root);
        using var http = server.Client();
        // A description longer than the declared max_length of 3,000 characters (cut, not refused), and one with no known word at all.
        var longText = string.Join(' ', Enumerable.Repeat("socket timeout on linux when the handler disposes", 75));
        using var response = await http.PostAsync("/v1/models/github-issues:predict", Json(
            $$$"""{"instances":[{"key":"30001","features":{"Title":"HttpClient hangs on Linux","Description":"{{{longText}}}"}},{"key":"30002","features":{"Title":"zzqx wvvy","Description":null}}]}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var predictions = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions");
        Assert.Equal("area-System.Net", predictions[0].GetProperty("label").GetString());
        Assert.Equal(22, predictions[1].GetProperty("scores").EnumerateObject().Count());
    }

    [Fact]
    public async Task Sentiment_Example_LearnsFromTheWords()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "sentiment");
        await IngestAsync(dir, root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;

        // Level with scikit-learn's TF-IDF + logistic regression on these rows (0.89); min-max scaling the TF-IDF
        // columns, as the linear trainers do for other features, gave 0.83.
        Assert.True(train.GetProperty("candidate").GetProperty("auc").GetDouble() > 0.86, train.ToString());
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.ToString());
        await using var server = await ServerProcess.StartAsync(root);
        using var http = server.Client();
        using var response = await http.PostAsync("/v1/models/sentiment:predict", Json(
            """{"instances":[{"key":"a","features":{"sentence":"Great phone, excellent battery, I love it"}},{"key":"b","features":{"sentence":"Terrible, it broke after a day. Waste of money"}}]}"""));
        var predictions = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions");
        Assert.Equal("positive", predictions[0].GetProperty("label").GetString());
        Assert.Equal("negative", predictions[1].GetProperty("label").GetString());
    }
}

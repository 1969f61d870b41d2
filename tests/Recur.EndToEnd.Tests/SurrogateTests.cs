using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>The Deployable Canary Model as a user meets it: trained beside the model, explained over HTTP, its disagreement reported from the log.</summary>
public sealed class SurrogateTests(SurrogateProject project) : IClassFixture<SurrogateProject>
{
    private const string Features = AdultRequest.Features;

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Show_TrainedWithSurrogate_ListsRulesAndMeasuredFidelity()
    {
        var show = (await CliRunner.OkAsync(project.Root, "surrogate", "show", "--project", project.Root, "--json")).Json;

        var leaves = show.GetProperty("leaves").GetInt32();
        Assert.InRange(leaves, 2, 8);
        Assert.Equal(leaves, show.GetProperty("rules").GetArrayLength());
        var fidelity = show.GetProperty("fidelity");
        Assert.True(fidelity.GetProperty("rows").GetInt32() > 0);
        var agreement = fidelity.GetProperty("agreement").GetDouble();
        Assert.InRange(agreement, fidelity.GetProperty("agreement_low").GetDouble(), fidelity.GetProperty("agreement_high").GetDouble());
        Assert.True(agreement > 0.7, $"agreement {agreement}");
        Assert.Contains(" → ", show.GetProperty("rules")[0].GetString());
        // recur train reported the same fidelity when it fitted the surrogate.
        var trained = project.Trained.Json.GetProperty("surrogate");
        Assert.Equal(leaves, trained.GetProperty("leaves").GetInt32());
        Assert.Equal(agreement, trained.GetProperty("fidelity").GetProperty("agreement").GetDouble());
    }

    [Fact]
    public async Task SurrogateEndpoint_AnyInstance_AnswersWithItsRuleAndTheModelsAnswer()
    {
        await using var server = await ServerProcess.StartAsync(project.Root);
        using var http = server.Client();
        var body = $$"""{"instances":[{"key":"s-1","features":{{Features}}},{"key":"s-2","features":{{Features.Replace("\"age\":39", "\"age\":52").Replace("\"capital-gain\":2174", "\"capital-gain\":15024")}}}]}""";

        using var response = await http.PostAsync("/v1/models/adult:surrogate", Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("model_version").GetInt32());
        foreach (var row in answer.GetProperty("rows").EnumerateArray())
        {
            var path = row.GetProperty("path").EnumerateArray().ToList();
            Assert.NotEmpty(path);
            var rule = row.GetProperty("rule").GetString()!;
            // The rule is the path's conditions followed by the surrogate's answer.
            Assert.StartsWith(string.Join(" and ", path.Select(p => p.GetProperty("condition").GetString())), rule);
            Assert.EndsWith(row.GetProperty("score").GetDouble().ToString("0.00", CultureInfo.InvariantCulture) + ")", rule);
            Assert.Contains(row.GetProperty("label").GetString(), new[] { "<=50K", ">50K" });
            Assert.Contains(row.GetProperty("model_label").GetString(), new[] { "<=50K", ">50K" });
            Assert.Equal(row.GetProperty("label").GetString() == row.GetProperty("model_label").GetString(), row.GetProperty("agrees").GetBoolean());
        }
    }

    [Fact]
    public async Task Report_AfterPredictions_CountsEveryLoggedSurrogateAnswer()
    {
        await using (var server = await ServerProcess.StartAsync(project.Root))
        {
            using var http = server.Client();
            var instances = string.Join(",", Enumerable.Range(0, 20).Select(i => $$"""{"key":"r-{{i}}","features":{{Features.Replace("\"age\":39", $"\"age\":{20 + 2 * i}")}}}"""));
            using var response = await http.PostAsync("/v1/models/adult:predict", Body($$"""{"instances":[{{instances}}]}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Eventually(async () => (await Report()).GetProperty("logged").GetInt32() >= 20);
        }

        var version = (await Report()).GetProperty("versions")[0];

        Assert.True(version.GetProperty("compared").GetInt32() >= 20);
        var rate = version.GetProperty("rate").GetDouble();
        Assert.InRange(rate, version.GetProperty("low").GetDouble(), version.GetProperty("high").GetDouble());
        Assert.True(version.GetProperty("mean_score_delta").GetDouble() >= 0);
    }

    private async Task<JsonElement> Report() => (await CliRunner.OkAsync(project.Root, "surrogate", "report", "--project", project.Root, "--json")).Json;

    internal static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition()) return;
            await Task.Delay(200);
        }
        Assert.Fail("the condition did not hold within 10 s");
    }
}

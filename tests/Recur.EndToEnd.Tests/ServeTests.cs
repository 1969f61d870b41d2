using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>`recur serve` as a separate process, spoken to over real HTTP.</summary>
public sealed class ServeTests(TrainedProject project) : IClassFixture<TrainedProject>
{
    private const string Features = AdultRequest.Features;

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task WithServerAsync(Func<HttpClient, Task> test)
    {
        await using var server = await ServerProcess.StartAsync(project.Root);
        using var http = server.Client();
        await test(http);
    }

    [Fact]
    public Task Predict_KeyedInstances_AnswersEachKeyWithTheChampion() => WithServerAsync(async http =>
    {
        var body = $$"""{"instances":[{"key":"a-1","features":{{Features}}},{"key":"a-2","features":{{Features.Replace("\"age\":39", "\"age\":52")}}}]}""";

        using var response = await http.PostAsync("/v1/models/adult:predict", Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var predictions = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions");
        Assert.Equal(["a-1", "a-2"], predictions.EnumerateArray().Select(p => p.GetProperty("key").GetString()));
        Assert.All(predictions.EnumerateArray(), p =>
        {
            Assert.Equal(1, p.GetProperty("model_version").GetInt32());
            Assert.InRange(p.GetProperty("score").GetDouble(), 0, 1);
            Assert.Contains(p.GetProperty("label").GetString(), new[] { "<=50K", ">50K" });
        });
    });

    [Fact]
    public Task Predict_BadInput_Answers400ProblemDetailsNamingTheField() => WithServerAsync(async http =>
    {
        var cases = new (string Body, string Field)[]
        {
            ($$"""{"instances":[{"key":"k","features":{{Features.Replace("\"age\":39,", "")}}}]}""", "instances[0].features.age"),
            ($$"""{"instances":[{"key":"k","features":{{Features.Replace("\"age\":39", "\"age\":\"old\"")}}}]}""", "instances[0].features.age"),
            ($$"""{"instances":[{"key":"k","features":{{Features.Replace("{\"age\"", "{\"shoe\":1,\"age\"")}}}]}""", "instances[0].features.shoe"),
            ("""{"instances": [""", "body"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await http.PostAsync("/v1/models/adult:predict", Body(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(field, problem.GetProperty("field").GetString());
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
        }
    });

    [Fact]
    public Task Predict_UnknownModelOrVersion_Answers404() => WithServerAsync(async http =>
    {
        var body = $$"""{"instances":[{"key":"k","features":{{Features}}}]}""";
        foreach (var path in new[] { "/v1/models/nope:predict", "/v1/models/adult:predict?version=99", "/v1/models/adult/versions/99:predict", "/v1/models/adult:predict?alias=ghost" })
        {
            using var response = await http.PostAsync(path, Body(body));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    });

    [Fact]
    public Task RegistryHealthOpenApiAndFeedback_Answer() => WithServerAsync(async http =>
    {
        var models = await http.GetFromJsonAsync<JsonElement>("/v1/models");
        Assert.Equal("adult", models.GetProperty("models")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1/models/adult/versions/1")).StatusCode);
        var openapi = await http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/v1/models/{name}:predict", openapi);

        using var ok = await http.PostAsync("/v1/feedback", Body("""{"feedback":[{"key":"a-1","label":">50K"}]}"""));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var bad = await http.PostAsync("/v1/feedback", Body("""{"feedback":[{"key":"a-1"}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("feedback[0].label", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    });
}

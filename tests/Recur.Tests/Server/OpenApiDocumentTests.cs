using System.Text.Json;
using Recur.Server;

namespace Recur.Tests.Server;

/// <summary>The OpenAPI document shows the real contract: named request and response schemas, ProblemDetails for client errors.</summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private HttpClient _http = null!;
    private string _text = "";
    private JsonElement _doc;

    public async Task InitializeAsync()
    {
        _dir.Write("p/data.csv", "id,x,y\n1,0.5,yes\n2,1.5,no\n3,2.5,yes\n");
        _dir.Write("p/recur.yaml", "name: m\nlabel: y\ndatasets:\n  train:\n    source: data.csv\n");
        _app = RecurServer.Create(_dir.Path("p"), "http://127.0.0.1:0");
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(RecurServer.Address(_app)) };
        _text = await _http.GetStringAsync("/openapi/v1.json");
        _doc = JsonDocument.Parse(_text).RootElement;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dir.Dispose();
    }

    private JsonElement Schema(JsonElement reference) =>
        _doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetProperty("$ref").GetString()!.Split('/')[^1]);

    [Fact]
    public void Predict_RequestBody_IsANamedSchemaWithInstances()
    {
        var body = _doc.GetProperty("paths").GetProperty("/v1/models/{name}:predict").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

        Assert.Equal("#/components/schemas/PredictRequest", body.GetProperty("$ref").GetString());
        var instances = Schema(body).GetProperty("properties").GetProperty("instances");
        var instance = Schema(instances.GetProperty("items"));
        Assert.True(instance.GetProperty("properties").TryGetProperty("key", out _));
        Assert.True(instance.GetProperty("properties").TryGetProperty("features", out _));
    }

    [Fact]
    public void Predict_Responses_NameTheAnswerAndTheProblems()
    {
        var responses = _doc.GetProperty("paths").GetProperty("/v1/models/{name}:predict").GetProperty("post").GetProperty("responses");

        var ok = responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/PredictResponse", ok.GetProperty("$ref").GetString());
        Assert.True(Schema(ok).GetProperty("properties").TryGetProperty("predictions", out _));
        foreach (var status in new[] { "400", "404", "413", "415", "503" })
        {
            var problem = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
            Assert.Equal("#/components/schemas/ProblemDetails", problem.GetProperty("$ref").GetString());
        }
    }

    [Theory]
    [InlineData("/v1/models/{name}/versions/{version}:predict", "PredictRequest")]
    [InlineData("/v1/models/{name}:explain", "PredictRequest")]
    [InlineData("/v1/models/{name}:features", "PredictRequest")]
    [InlineData("/v1/models/{name}:surrogate", "PredictRequest")]
    [InlineData("/v1/feedback", "FeedbackRequest")]
    public void BodyEndpoints_RequestBody_IsNamed(string path, string schema)
    {
        var body = _doc.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

        Assert.Equal($"#/components/schemas/{schema}", body.GetProperty("$ref").GetString());
    }

    [Fact]
    public void Document_Anywhere_HasNoCompilerGeneratedTypeNames()
    {
        Assert.DoesNotContain("AnonymousType", _text, StringComparison.Ordinal);
        Assert.DoesNotContain("<>", _text, StringComparison.Ordinal);
        Assert.DoesNotContain("f__", _text, StringComparison.Ordinal);
        foreach (var name in _doc.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            Assert.Matches("^[A-Za-z][A-Za-z0-9]*$", name.Name);
        }
    }

    [Fact]
    public void Document_Properties_AreSnakeCase()
    {
        var response = _doc.GetProperty("components").GetProperty("schemas").GetProperty("FeaturesResponse").GetProperty("properties");

        Assert.True(response.TryGetProperty("model_version", out _));
    }

    [Fact]
    public async Task Docs_Get_ServesASelfContainedPage()
    {
        using var response = await _http.GetAsync("/docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>The API's contract as a user browses it from a running `recur serve`: the OpenAPI document and the /docs page.</summary>
public sealed class ContractTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Serve_DocsPageAndDocument_DescribeTheNamedContract()
    {
        var root = _dir.Path("adult");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv"), Path.Combine(root, "data", "train.csv"));
        await CliRunner.OkAsync(_dir.Root, "init", "--project", root, "--source", Path.Combine(root, "data", "train.csv"), "--label", "income", "--key", "id", "--name", "adult");
        await using var server = await ServerProcess.StartAsync(root);
        using var http = server.Client();

        using var page = await http.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();
        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("fetch(\"/openapi/v1.json\")", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("PredictRequest").GetProperty("properties").TryGetProperty("instances", out _));
        Assert.True(schemas.TryGetProperty("SurrogateResponse", out _));
        Assert.True(schemas.TryGetProperty("ProblemDetails", out _));
        Assert.DoesNotContain("AnonymousType", document.GetRawText(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Recur.Tests.Server.Security;

/// <summary>X-Request-Id: the client's when sane, else a new one; in every ProblemDetails.</summary>
public sealed class RequestIdTests
{
    [Fact]
    public async Task Response_SaneClientId_IsEchoed()
    {
        await using var server = await SecuredServer.StartAsync("  auth: auto");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Request-Id", "checkout-7f3a.1");

        using var response = await server.Http.SendAsync(request);

        Assert.Equal("checkout-7f3a.1", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("<script>")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task Response_InsaneClientId_IsReplaced(string id)
    {
        await using var server = await SecuredServer.StartAsync("  auth: auto");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.TryAddWithoutValidation("X-Request-Id", id);

        using var response = await server.Http.SendAsync(request);

        Assert.Matches("^[0-9a-f]{16}$", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Response_NoClientId_EachGetsANewOne()
    {
        await using var server = await SecuredServer.StartAsync("  auth: auto");

        using var a = await server.Http.GetAsync("/healthz");
        using var b = await server.Http.GetAsync("/healthz");

        Assert.NotEqual(a.Headers.GetValues("X-Request-Id").Single(), b.Headers.GetValues("X-Request-Id").Single());
    }

    [Theory]
    [InlineData("/v1/models/nothing/versions/1", "GET", null, 404)]
    [InlineData("/v1/models/m:predict", "POST", "{\"instances\": [", 400)]
    [InlineData("/v1/no-such-route", "GET", null, 404)]
    public async Task Problem_AnyClientError_CarriesTheRequestId(string path, string method, string? body, int status)
    {
        await using var server = await SecuredServer.StartAsync("  auth: auto");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-Request-Id", "trace-me");
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("trace-me", problem.GetProperty("request_id").GetString());
    }
}

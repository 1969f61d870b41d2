using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Recur.Core.Security;

namespace Recur.Tests.Server.Security;

/// <summary>Keys and scopes over real HTTP: 401 without a key or with a bad one, 403 with the wrong scope, revocation within a second.</summary>
public sealed class ApiKeyAuthenticationTests
{
    private const string Required = "  auth: required";

    private static readonly (string Name, ApiScopes Scopes)[] Keys =
        [("reader", ApiScopes.Predict), ("labeller", ApiScopes.Feedback), ("ops", ApiScopes.Admin)];

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Request_WithoutKey_Is401ProblemWithWwwAuthenticateAndRequestId()
    {
        await using var server = await SecuredServer.StartAsync(Required, Keys);

        using var response = await server.SendAsync(HttpMethod.Get, "/v1/models", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var problem = await ProblemAsync(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("needs an API key", problem.GetProperty("detail").GetString());
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), problem.GetProperty("request_id").GetString());
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("recur_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Request_UnknownKey_Is401InvalidToken(string key)
    {
        await using var server = await SecuredServer.StartAsync(Required, Keys);

        using var response = await server.SendAsync(HttpMethod.Get, "/v1/models", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task Request_KeyWithAnotherKeysSecret_Is401()
    {
        await using var server = await SecuredServer.StartAsync(Required, Keys);
        var reader = server.Keys["reader"];
        var forged = reader[..15] + server.Keys["ops"][15..];

        using var response = await server.SendAsync(HttpMethod.Get, "/v1/models", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Scopes_EachKey_ReachesOnlyItsEndpoints()
    {
        await using var server = await SecuredServer.StartAsync(Required, Keys);
        var calls = new (HttpMethod Method, string Path, string? Body, ApiScopes Needs)[]
        {
            (HttpMethod.Get, "/v1/models", null, ApiScopes.Predict),
            (HttpMethod.Post, "/v1/models/m:predict", """{"instances":[]}""", ApiScopes.Predict),
            (HttpMethod.Post, "/v1/feedback", """{"key":"k","label":"yes"}""", ApiScopes.Feedback),
            (HttpMethod.Post, "/v1/models/m/aliases/champion", """{"version":1}""", ApiScopes.Admin),
        };
        foreach (var (name, scopes) in Keys)
        {
            foreach (var (method, path, body, needs) in calls)
            {
                using var response = await server.SendAsync(method, path, name, body);
                var status = (int)response.StatusCode;
                if (ApiScopeNames.Grants(scopes, needs))
                {
                    Assert.True(status is not (401 or 403), $"{name} {method} {path}: {status}");
                }
                else
                {
                    Assert.True(status == 403, $"{name} {method} {path}: {status}, expected 403");
                    Assert.Contains($"needs {ApiScopeNames.Format(needs)}", (await ProblemAsync(response)).GetProperty("detail").GetString());
                }
            }
        }
    }

    [Fact]
    public async Task Request_XApiKeyHeader_IsAccepted()
    {
        await using var server = await SecuredServer.StartAsync(Required, Keys);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
        request.Headers.Add("X-Api-Key", server.Keys["reader"]);

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/livez")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    public async Task OpenEndpoint_WithoutKey_Answers(string path)
    {
        await using var server = await SecuredServer.StartAsync(Required, Keys);

        using var response = await server.SendAsync(HttpMethod.Get, path, key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPath_WithoutKey_Is401NotAHint()
    {
        await using var server = await SecuredServer.StartAsync(Required, Keys);

        using var anonymous = await server.SendAsync(HttpMethod.Get, "/v1/nothing", key: null);
        using var known = await server.SendAsync(HttpMethod.Get, "/v1/nothing", "labeller");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, known.StatusCode);
    }

    [Fact]
    public async Task Revoke_WhileServing_RefusedWithinASecond()
    {
        await using var server = await SecuredServer.StartAsync(Required, Keys);
        using (var before = await server.SendAsync(HttpMethod.Get, "/v1/models", "reader")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await server.Store.RevokeAsync(server.Keys["reader"][6..14], DateTimeOffset.UtcNow);
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await server.SendAsync(HttpMethod.Get, "/v1/models", "reader");
            status = response.StatusCode;
            if (status == HttpStatusCode.Unauthorized) Assert.Contains("was revoked", (await ProblemAsync(response)).GetProperty("detail").GetString());
            else await Task.Delay(20);
        }
        while (status != HttpStatusCode.Unauthorized && clock.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the revoked key worked for {clock.Elapsed.TotalMilliseconds:0} ms");
    }
}

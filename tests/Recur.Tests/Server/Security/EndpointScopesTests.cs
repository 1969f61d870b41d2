using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Recur.Server;
using Recur.Server.Security;

namespace Recur.Tests.Server.Security;

/// <summary>The scope catalogue covers the app: an endpoint mapped without a line in it fails here.</summary>
public sealed class EndpointScopesTests
{
    [Fact]
    public async Task All_EveryMappedEndpoint_HasAScope()
    {
        using var dir = new TempDir();
        dir.Write("p/recur.yaml", "name: m\nlabel: y\n");
        await using var app = RecurServer.Create(dir.Path("p"), "http://127.0.0.1:0");

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .ToList();

        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints found");
        var missing = endpoints.Where(e => EndpointScopes.Find(e.Method, e.Pattern) is null).Select(e => $"{e.Method} {e.Pattern}").ToList();
        Assert.True(missing.Count == 0, "no scope in EndpointScopes.All for: " + string.Join(", ", missing));
    }

    [Fact]
    public void All_NoEndpointListedTwice() =>
        Assert.Equal(EndpointScopes.All.Count, EndpointScopes.All.Select(e => (e.Method, e.Pattern)).Distinct().Count());

    [Fact]
    public void Metrics_OpenMetricsOff_NeedsPredict()
    {
        var metrics = EndpointScopes.Find("GET", "/metrics")!;

        Assert.Equal(Recur.Core.Security.ApiScopes.None, metrics.Needed(new Recur.Core.Project.ServingConfig()));
        Assert.Equal(Recur.Core.Security.ApiScopes.Predict, metrics.Needed(new Recur.Core.Project.ServingConfig { OpenMetrics = false }));
    }
}

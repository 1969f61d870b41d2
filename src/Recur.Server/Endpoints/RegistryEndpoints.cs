using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Server.Endpoints;

/// <summary>Read access to the registry.</summary>
internal static class RegistryEndpoints
{
    public static void MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/models", async (IRegistryStore registry, CancellationToken ct) =>
                TypedResults.Ok(new { models = (await registry.ListAsync(null, ct)).GroupBy(v => v.Model).Select(g => new { name = g.Key, versions = g.ToList() }) }))
            .WithName("ListModels").WithSummary("Every model with its versions, metrics, lineage and aliases.");
        app.MapGet("/v1/models/{name}/versions/{version:int}", async Task<Ok<ModelVersion>> (string name, int version, IRegistryStore registry, CancellationToken ct) =>
                TypedResults.Ok(await registry.FindAsync(name, version, ct) ?? throw RecurException.NotFound($"model '{name}' has no version {version}")))
            .WithName("GetModelVersion").WithSummary("One model version.");
    }
}

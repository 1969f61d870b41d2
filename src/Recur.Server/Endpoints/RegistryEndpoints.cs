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
        app.MapGet("/v1/models/{name}/versions/{version:int}/policy", Policy)
            .WithName("GetDecisionPolicy").WithSummary("The version's decision policy (threshold, objective, outcome values) kept beside it, with every recorded revision.");
    }

    /// <summary>The decision policy of a version: the threshold it decides at, the current revision and the history.</summary>
    /// <param name="Model">The model name.</param>
    /// <param name="Version">The version.</param>
    /// <param name="Threshold">The threshold it decides at now: the current revision's, else the one it was trained with.</param>
    /// <param name="TrainedThreshold">The threshold in its model file.</param>
    /// <param name="Current">The current revision, or null when none was recorded.</param>
    /// <param name="History">Every revision, oldest first.</param>
    public sealed record PolicyView(string Model, int Version, double Threshold, double TrainedThreshold, PolicyRevision? Current, IReadOnlyList<PolicyRevision> History);

    private static async Task<Ok<PolicyView>> Policy(string name, int version, IPolicyStore policies, Serving.ModelPool pool, CancellationToken ct)
    {
        var loaded = await pool.GetAsync(Serving.ModelSelector.From(name, version, null), ct);
        var history = await policies.HistoryAsync(name, version, ct);
        var current = history.Count > 0 ? history[^1] : null;
        var trained = loaded.Model.Manifest.Threshold;
        return TypedResults.Ok(new PolicyView(name, version, current?.Policy.Threshold ?? trained, trained, current, history));
    }
}

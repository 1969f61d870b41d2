using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Serving;
using Recur.Serving.Feedback;
using Recur.Server.Contract;

namespace Recur.Server.Endpoints;

/// <summary>Ground-truth labels, joined to logged predictions by key.</summary>
internal static class FeedbackEndpoints
{
    public static void MapFeedbackEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/feedback", Post).WithBody<FeedbackRequest>().WithName("Feedback")
            .WithSummary("Store true labels: {\"feedback\":[{\"key\":…,\"label\":…}]}. Each label must be one of the model's classes. A later label for a key replaces the earlier one.");

    private static async Task<Ok<FeedbackAccepted>> Post(HttpRequest request, IFeedbackStore store, ModelPool pool, Recur.Core.Registry.IRegistryStore registry, IModelLoader loader,
        ProjectConfig config, TimeProvider time, CancellationToken ct)
    {
        using var document = await JsonBody.ReadAsync(request, ct);
        FeaturePlan plan;
        try
        {
            plan = (await pool.GetAsync(ModelSelector.From(config.Name, null, null), ct)).Model.Manifest.Plan;
        }
        catch (RecurException e) when (e.Kind == FailureKind.NotFound)
        {
            plan = await LabelClasses.OfAsync(registry, loader, config.Name, ct);
        }
        var records = FeedbackReader.Read(document.RootElement, plan, config.Serving, time.GetUtcNow());
        await store.AddAsync(records, ct);
        return TypedResults.Ok(new FeedbackAccepted(records.Count));
    }

    /// <summary>How many labels were stored.</summary>
    internal sealed record FeedbackAccepted(int Accepted);
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Core.Serving;
using Recur.Serving;
using Recur.Serving.Feedback;
using Recur.Serving.Log;
using Recur.Server.Contract;

namespace Recur.Server.Endpoints;

/// <summary>Ground-truth labels, joined to logged predictions by key.</summary>
internal static class FeedbackEndpoints
{
    public static void MapFeedbackEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/feedback", Post).WithBody<FeedbackRequest>().WithName("Feedback")
            .WithSummary("Store true labels: {\"feedback\":[{\"key\":…,\"label\":…,\"timestamp\":…}]}. Each label must be one of the model's classes; " +
                "the optional timestamp (ISO-8601) is the label's event time. Labels are appended to the feedback event log and counted " +
                "(matched, duplicate, conflicting, unknown_key, late, expired, clock_skew); the latest label of a key is the one joined.");

    private static async Task<Ok<FeedbackAccepted>> Post(HttpRequest request, IFeedbackStore store, IPredictionLog log, PredictionLogWriter writer, ModelPool pool,
        Recur.Core.Registry.IRegistryStore registry, IModelLoader loader, ProjectConfig config, TimeProvider time, CancellationToken ct)
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
        var now = time.GetUtcNow();
        var records = FeedbackReader.Read(document.RootElement, plan, config.Serving, now);
        // Predictions answered a moment ago may still be queued for the log: store them first, so their labels match.
        await writer.FlushAsync();
        var counts = await FeedbackIntake.IngestAsync(store, log, config.Name, records, FeedbackRules.From(config.Monitoring.Feedback), now, "rest", null, ct);
        return TypedResults.Ok(new FeedbackAccepted(records.Count, counts!));
    }

    /// <summary>How many labels were stored, and how they were classified.</summary>
    internal sealed record FeedbackAccepted(int Accepted, FeedbackCounts Counts);
}

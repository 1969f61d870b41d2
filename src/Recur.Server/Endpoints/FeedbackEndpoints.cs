using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Recur.Core;
using Recur.Core.Monitoring;

namespace Recur.Server.Endpoints;

/// <summary>Ground-truth labels, joined to logged predictions by key.</summary>
internal static class FeedbackEndpoints
{
    public static void MapFeedbackEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/feedback", Post).WithName("Feedback")
            .WithSummary("Store true labels: {\"feedback\":[{\"key\":…,\"label\":…}]}. A later label for a key replaces the earlier one.");

    private static async Task<Ok<FeedbackAccepted>> Post(HttpRequest request, IFeedbackStore store, TimeProvider time, CancellationToken ct)
    {
        using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("feedback", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw RecurException.Invalid("the body must be an object with a 'feedback' array", "feedback");
        }
        var now = time.GetUtcNow();
        var records = new List<FeedbackRecord>();
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            records.Add(new FeedbackRecord(Text(item, "key", i), Text(item, "label", i), now));
            i++;
        }
        if (records.Count == 0) throw RecurException.Invalid("'feedback' is empty", "feedback");
        await store.AddAsync(records, ct);
        return TypedResults.Ok(new FeedbackAccepted(records.Count));
    }

    /// <summary>How many labels were stored.</summary>
    internal sealed record FeedbackAccepted(int Accepted);

    private static string Text(JsonElement item, string name, int index) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw RecurException.Invalid($"feedback[{index}].{name}: required, a non-empty string", $"feedback[{index}].{name}");
}

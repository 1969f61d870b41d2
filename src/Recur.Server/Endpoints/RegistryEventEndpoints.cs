using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Server.Endpoints;

/// <summary>The registry's history and alias moves over HTTP; the server's callers are recorded as the actor <c>api</c>.</summary>
internal static class RegistryEventEndpoints
{
    /// <summary>The actor recorded for changes made through the API.</summary>
    public const string ApiActor = "api";

    public static void MapRegistryEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/models/{name}/events", Events)
            .WithName("ListRegistryEvents").WithSummary("The model's registry events, newest first (optionally ?alias=A and/or ?version=V): what changed, who, when, why, the numbers.");
        app.MapPost("/v1/models/{name}/aliases/{alias}", Promote)
            .WithName("PromoteAlias").WithSummary("Point an alias at a version with a reason (a promotion, recorded as an event with the previous target); runs no gate.")
            .Accepts<PromoteRequest>("application/json");
    }

    /// <summary>The events of a model.</summary>
    /// <param name="Model">The model name.</param>
    /// <param name="Events">Newest first.</param>
    public sealed record EventList(string Model, IReadOnlyList<RegistryEvent> Events);

    /// <summary>The body of a promotion.</summary>
    /// <param name="Version">The version the alias should point at.</param>
    /// <param name="Reason">Why (required, recorded).</param>
    public sealed record PromoteRequest(int Version, string Reason);

    private static async Task<Results<Ok<EventList>, NotFound<ProblemDetails>>> Events(string name, string? alias, int? version, IRegistryStore registry, IRegistryEvents events, CancellationToken ct)
    {
        if ((await registry.ListAsync(name, ct)).Count == 0) return TypedResults.NotFound(Problem(404, $"model '{name}' has no versions", "name"));
        return TypedResults.Ok(new EventList(name, await events.EventsAsync(name, alias, version, ct)));
    }

    private static async Task<Results<Ok<RegistryEvent>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Promote(
        string name, string alias, HttpRequest request, IRegistryEvents events, CancellationToken ct)
    {
        if (alias.Length == 0 || !alias.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return TypedResults.BadRequest(Problem(400, $"alias '{alias}' must be letters, digits, '-' or '_'", "alias"));
        }
        using var body = await JsonBody.ReadAsync(request, ct);
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return TypedResults.BadRequest(Problem(400, "the body must be a JSON object {\"version\": N, \"reason\": \"...\"}", "body"));
        if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var target) || target < 1)
        {
            return TypedResults.BadRequest(Problem(400, "version is required: the version number (a positive integer) the alias should point at", "version"));
        }
        if (!root.TryGetProperty("reason", out var r) || r.ValueKind != JsonValueKind.String || r.GetString()!.Trim().Length == 0)
        {
            return TypedResults.BadRequest(Problem(400, "reason is required: say why the alias moves (it is recorded in the history)", "reason"));
        }
        try
        {
            return TypedResults.Ok(await events.MoveAliasAsync(name, alias, target, RegistryEventKinds.Promoted, new RegistryChange(ApiActor, r.GetString()!.Trim()), ct));
        }
        catch (RecurException e) when (e.Kind == FailureKind.NotFound)
        {
            return TypedResults.NotFound(Problem(404, e.Message, "version"));
        }
        catch (RecurException e) when (e.Kind == FailureKind.Conflict)
        {
            // The registry's alias guard: an experiment's version, or one trained on a snapshot not in the catalogue.
            return TypedResults.Conflict(Problem(409, e.Message, "version"));
        }
    }

    private static ProblemDetails Problem(int status, string detail, string field) => new()
    {
        Status = status,
        Title = status switch { 404 => "Not found", 409 => "Conflict", _ => "Invalid request" },
        Detail = detail,
        Extensions = { ["field"] = field },
    };
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Recur.Core.Serving;
using Recur.Serving;
using Recur.Serving.Safeguards;

namespace Recur.Server.Endpoints;

/// <summary>The safeguards around a served version: its compiled rules and how often each fired.</summary>
internal static class SafeguardEndpoints
{
    public static void MapSafeguardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/models/{name}/safeguards", Safeguards)
            .WithName("GetSafeguards").WithSummary("The safeguard rules compiled for the routed version (?version=N or ?alias=A, default champion), with what each learned from training and how often each fired in the prediction log.");
    }

    /// <summary>The safeguards of one version.</summary>
    /// <param name="Model">The model name.</param>
    /// <param name="Version">The version they are compiled for.</param>
    /// <param name="Rules">Every rule, in the order they are applied, with what it learned; empty when recur.yaml declares none.</param>
    /// <param name="Baseline">The fallback's answer (the training prior); null when no rule falls back or none is known.</param>
    /// <param name="Predictions">The version's logged predictions.</param>
    /// <param name="Guarded">Those where a rule fired.</param>
    /// <param name="Counts">Rule name → the predictions it fired on.</param>
    public sealed record SafeguardsView(string Model, int Version, IReadOnlyList<RuleView> Rules, HeuristicBaseline? Baseline, long Predictions, long Guarded, IReadOnlyDictionary<string, long> Counts);

    private static async Task<Ok<SafeguardsView>> Safeguards(string name, int? version, string? alias, ModelPool pool, SafeguardBook book, IPredictionLog log, CancellationToken ct)
    {
        var loaded = await pool.GetAsync(ModelSelector.From(name, version, alias), ct);
        var compiled = book.For(loaded);
        var counts = SafeguardCounts.Of((await log.ReadAsync(name, null, int.MaxValue, ct)).Where(r => r.Version == loaded.Version.Version));
        return TypedResults.Ok(new SafeguardsView(name, loaded.Version.Version, compiled?.Describe() ?? [], compiled?.Baseline, counts.Predictions, counts.Guarded, counts.Counts));
    }
}

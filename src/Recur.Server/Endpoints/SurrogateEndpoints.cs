using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Recur.Core.Modeling.Surrogates;
using Recur.Server.Contract;
using Recur.Serving;
using Recur.Serving.Surrogates;

namespace Recur.Server.Endpoints;

/// <summary>The Deployable Canary Model over HTTP: the surrogate's answer and rule for any instance.</summary>
internal static class SurrogateEndpoints
{
    public static void MapSurrogateEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/models/{name}:surrogate", Explain).WithBody<PredictRequest>().WithName("Surrogate")
            .WithSummary("The version's explainable surrogate for keyed instances: its answer, the rule (decision path) it followed, and the version's own answer beside it; ?version=N or ?alias=A. Not logged.");

    /// <summary>The surrogate response body.</summary>
    /// <param name="ModelVersion">The version whose surrogate answered.</param>
    /// <param name="Leaves">How many rules (leaves) the surrogate has.</param>
    /// <param name="Fidelity">How closely it followed the version on the evaluation rows at training time.</param>
    /// <param name="Rows">One answer per instance.</param>
    internal sealed record SurrogateResponse(int ModelVersion, int Leaves, SurrogateFidelity Fidelity, IReadOnlyList<SurrogateAnswer> Rows);

    private static async Task<Ok<SurrogateResponse>> Explain(string name, int? version, string? alias, HttpRequest request, SurrogateService service, CancellationToken ct)
    {
        using var document = await JsonBody.ReadAsync(request, ct);
        var (loaded, surrogate, answers) = await service.ExplainAsync(ModelSelector.From(name, version, alias), document.RootElement, ct);
        return TypedResults.Ok(new SurrogateResponse(loaded.Version.Version, surrogate.Leaves, surrogate.Fidelity, answers));
    }
}

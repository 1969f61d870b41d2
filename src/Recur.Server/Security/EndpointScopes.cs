using Recur.Core.Security;

namespace Recur.Server.Security;

/// <summary>
/// The catalogue of what each endpoint needs: the one place a new endpoint's scope is declared (a test
/// fails when an endpoint is mapped without a line here). An endpoint missing from it needs admin.
/// </summary>
public static class EndpointScopes
{
    /// <summary>Every endpoint's scope.</summary>
    public static IReadOnlyList<EndpointScope> All { get; } =
    [
        // Open: probes and the API description.
        new("GET", "/livez", ApiScopes.None),
        new("GET", "/healthz", ApiScopes.None),
        new("GET", "/readyz", ApiScopes.None),
        new("GET", "/metrics", ApiScopes.Predict, s => s.OpenMetrics),
        new("GET", "/openapi/{documentName}.json", ApiScopes.None),
        new("GET", "/docs", ApiScopes.None),

        // predict: read model and route information, and predict.
        new("GET", "/v1/models", ApiScopes.Predict),
        new("GET", "/v1/models/{name}/versions/{version:int}", ApiScopes.Predict),
        new("GET", "/v1/models/{name}/versions/{version:int}/schema", ApiScopes.Predict),
        new("GET", "/v1/models/{name}/versions/{version:int}/policy", ApiScopes.Predict),
        new("GET", "/v1/models/{name}/safeguards", ApiScopes.Predict),
        new("GET", "/v1/models/{name}/events", ApiScopes.Predict),
        new("GET", "/v1/models/{name}/performance", ApiScopes.Predict),
        new("GET", "/v1/models/{name}/performance/estimate", ApiScopes.Predict),
        new("GET", "/v1/routes", ApiScopes.Predict),
        new("GET", "/v1/models/{name}/routes/{route}/report", ApiScopes.Predict),
        new("GET", "/v1/models/{name}/predictions/{key}", ApiScopes.Predict),
        new("POST", "/v1/models/{name}/predictions/{key}", ApiScopes.Predict),
        new("POST", "/v1/models/{name}:predict", ApiScopes.Predict),
        new("POST", "/v1/models/{name}/versions/{version:int}:predict", ApiScopes.Predict),
        new("POST", "/v1/models/{name}:batchPredict", ApiScopes.Predict),
        new("POST", "/v1/models/{name}:explain", ApiScopes.Predict),
        new("POST", "/v1/models/{name}:features", ApiScopes.Predict),
        new("POST", "/v1/models/{name}:surrogate", ApiScopes.Predict),

        // feedback: ground truth for logged predictions.
        new("POST", "/v1/feedback", ApiScopes.Feedback),

        // admin: changes to the registry, routes and safeguards.
        new("POST", "/v1/models/{name}/aliases/{alias}", ApiScopes.Admin),
    ];

    /// <summary>The entry for a method and route pattern, or null when the catalogue has none.</summary>
    public static EndpointScope? Find(string method, string pattern) =>
        All.FirstOrDefault(e => string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase) && string.Equals(e.Pattern, pattern, StringComparison.Ordinal));
}

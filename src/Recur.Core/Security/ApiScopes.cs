namespace Recur.Core.Security;

/// <summary>
/// What an API key may do on the HTTP server. <see cref="Admin"/> implies the others: a key with it passes
/// every check (see <see cref="ApiScopeNames.Grants"/>).
/// </summary>
[Flags]
public enum ApiScopes
{
    /// <summary>Nothing: the scope of an endpoint that needs no key (health, the OpenAPI document).</summary>
    None = 0,

    /// <summary>Read and predict: model and route information (GET), predictions, batch predictions, explanations.</summary>
    Predict = 1,

    /// <summary>Post feedback (ground-truth labels) for logged predictions.</summary>
    Feedback = 2,

    /// <summary>Change things: registry writes, alias moves, safeguard and route changes, keys. Implies the others.</summary>
    Admin = 4,
}

using Recur.Core.Project;
using Recur.Core.Security;

namespace Recur.Server.Security;

/// <summary>
/// One endpoint's entry in the <see cref="EndpointScopes"/> catalogue: the scope a key needs to call it, or
/// none for an endpoint that is open.
/// </summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Pattern">The route pattern as mapped, e.g. <c>/v1/models/{name}:predict</c>.</param>
/// <param name="Scope">The scope a key needs; <see cref="ApiScopes.None"/> for an endpoint open to all.</param>
/// <param name="OpenWhen">When set and true for the serving settings, the endpoint is open despite <paramref name="Scope"/> (<c>/metrics</c> under <c>serving.open_metrics</c>).</param>
public sealed record EndpointScope(string Method, string Pattern, ApiScopes Scope, Func<ServingConfig, bool>? OpenWhen = null)
{
    /// <summary>The scope needed under these settings; <see cref="ApiScopes.None"/> when the endpoint is open.</summary>
    public ApiScopes Needed(ServingConfig serving) => OpenWhen is { } open && open(serving) ? ApiScopes.None : Scope;
}

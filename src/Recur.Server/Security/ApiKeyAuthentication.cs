using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Recur.Core.Project;
using Recur.Core.Security;
using Recur.Server.Requests;
using Recur.Server.Security.Internal;

namespace Recur.Server.Security;

/// <summary>
/// Checks the API key of every request to a scoped endpoint (<see cref="EndpointScopes"/>), from
/// <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>: 401 without a key or with an unknown or revoked one,
/// 403 when the key lacks the endpoint's scope. Keys are checked in memory (<see cref="ApiKeyCache"/>): a
/// SHA-256 of the header and a constant-time comparison, no database query and no allocation on success.
/// </summary>
internal sealed class ApiKeyAuthentication(RequestDelegate next, AuthGate gate, ApiKeyCache keys, ServingConfig serving, ILogger<ApiKeyAuthentication> log)
{
    // What a request that matched no endpoint needs: any valid key, so an unknown path tells nobody anything.
    private const ApiScopes AnyKey = (ApiScopes)(-1);

    private readonly ConcurrentDictionary<Endpoint, ApiScopes> _needed = new();

    public Task InvokeAsync(HttpContext context)
    {
        var needed = Needed(context.GetEndpoint());
        if (needed == ApiScopes.None || !gate.Required) return next(context);
        var text = KeyText(context.Request.Headers);
        if (text.IsEmpty)
        {
            return Refuse(context, StatusCodes.Status401Unauthorized,
                "this endpoint needs an API key: send Authorization: Bearer <key> or X-Api-Key: <key> (recur keys create makes one)", invalid: false);
        }
        if (!ApiKeyText.TryReadPrefix(text, out var prefix))
        {
            return Refuse(context, StatusCodes.Status401Unauthorized, "the API key is not a Recur key (recur_<prefix>_<secret>)", invalid: true);
        }
        Span<byte> hash = stackalloc byte[32];
        ApiKeyText.Hash(text, hash);
        var key = keys.Find(prefix);
        if (key is null || !CryptographicOperations.FixedTimeEquals(hash, key.Hash))
        {
            return Refuse(context, StatusCodes.Status401Unauthorized, "the API key is not known to this server", invalid: true);
        }
        if (!key.Active)
        {
            return Refuse(context, StatusCodes.Status401Unauthorized, $"the API key {key.Prefix} ('{key.Name}') was revoked", invalid: true);
        }
        if (needed != AnyKey && !ApiScopeNames.Grants(key.Scopes, needed))
        {
            return Refuse(context, StatusCodes.Status403Forbidden,
                $"the API key '{key.Name}' has scope {ApiScopeNames.Format(key.Scopes)}; {context.Request.Method} {context.Request.Path} needs {ApiScopeNames.Format(needed)}", invalid: false);
        }
        keys.Used(key);
        if (serving.AccessLog) context.Features.Set(new RequestCaller(key.Name));
        return next(context);
    }

    // The key from Authorization: Bearer, else X-Api-Key; empty when neither is sent.
    private static ReadOnlySpan<char> KeyText(IHeaderDictionary headers)
    {
        var authorization = headers.Authorization;
        if (authorization.Count == 1 && authorization[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return value.AsSpan(7).Trim();
        }
        return headers.TryGetValue("X-Api-Key", out StringValues apiKey) && apiKey.Count == 1 ? apiKey[0].AsSpan().Trim() : default;
    }

    private ApiScopes Needed(Endpoint? endpoint)
    {
        if (endpoint is not RouteEndpoint route) return AnyKey;
        return _needed.GetOrAdd(endpoint, _ =>
        {
            var method = route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            var pattern = route.RoutePattern.RawText ?? "";
            if (EndpointScopes.Find(method, pattern) is { } entry) return entry.Needed(serving);
            log.EndpointWithoutScope(method, pattern);
            return ApiScopes.Admin;
        });
    }

    private Task Refuse(HttpContext context, int status, string detail, bool invalid)
    {
        log.Refused(status, context.Request.Method, context.Request.Path, detail);
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
        }
        return Results.Problem(detail, context.Request.Path, status, status == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden").ExecuteAsync(context);
    }
}

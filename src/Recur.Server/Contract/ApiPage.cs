using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Recur.Server.Contract;

/// <summary>
/// <c>GET /docs</c>: a self-contained page (inline script, nothing fetched from elsewhere) that renders the OpenAPI
/// document's operations, parameters and schemas, with a form to send a request to each.
/// </summary>
internal static class ApiPage
{
    private static readonly Lazy<byte[]> Html = new(() =>
    {
        using var stream = typeof(ApiPage).Assembly.GetManifestResourceStream("Recur.Server.Contract.api.html")
            ?? throw new InvalidOperationException("the API page is not embedded in Recur.Server");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void MapApiPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/docs", () => Results.Bytes(Html.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
}

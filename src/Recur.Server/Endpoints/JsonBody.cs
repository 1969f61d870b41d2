using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Recur.Core;

namespace Recur.Server.Endpoints;

/// <summary>
/// Reads a request body as JSON: only a JSON media type is read (415 otherwise, so a cross-site form
/// post or text/plain body is never acted on); a property given twice in one object is a 400, not
/// "last one wins"; the body size limit is Kestrel's (413).
/// </summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>The parsed body; the caller disposes the document.</summary>
    public static async Task<JsonDocument> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            throw new RecurException(FailureKind.UnsupportedMediaType,
                $"the body must be JSON (Content-Type: application/json), not '{request.ContentType ?? "none"}'", "Content-Type");
        }
        try
        {
            return await JsonDocument.ParseAsync(request.Body, Options, ct);
        }
        catch (JsonException e)
        {
            throw RecurException.Invalid($"the body is not valid JSON: {e.Message}", "body");
        }
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Recur.Core;

namespace Recur.Server.Endpoints;

/// <summary>
/// Turns the caller's mistakes into ProblemDetails: <see cref="RecurException"/> by its kind, and
/// unreadable JSON into 400 — never a 500 for a client error. Unavailable (a store
/// or model file that cannot be read now) is 503 with Retry-After. The offending field is in "field".
/// </summary>
internal sealed class ProblemMapping(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (RecurException e) when (!context.Response.HasStarted)
        {
            var status = e.Kind switch
            {
                FailureKind.NotFound => StatusCodes.Status404NotFound,
                FailureKind.Conflict => StatusCodes.Status409Conflict,
                FailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
                FailureKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
                FailureKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status400BadRequest,
            };
            // A store that does not answer (the database restarting) is worth retrying shortly, not a 500.
            if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "1";
            // A passing refusal (the prediction log's back-pressure, a full disk) says when to come back.
            if (e.RetryAfterSeconds is { } retry) context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Write(context, status, e.Message, e.Field);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // Kestrel's own refusals keep their status: 413 for a body over serving.max_body_bytes.
            var detail = e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"the body is larger than the server's limit of {context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes (serving.max_body_bytes)"
                : e.InnerException is JsonException j ? $"the body is not valid JSON: {j.Message}" : e.Message;
            await Write(context, e.StatusCode, detail, "body");
        }
        catch (JsonException e) when (!context.Response.HasStarted)
        {
            await Write(context, StatusCodes.Status400BadRequest, $"the body is not valid JSON: {e.Message}", null);
        }
    }

    private static Task Write(HttpContext context, int status, string detail, string? field)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                404 => "Not found",
                409 => "Conflict",
                413 => "Payload too large",
                415 => "Unsupported media type",
                503 => "Service unavailable",
                _ => "Invalid request",
            },
            Detail = detail,
            Instance = context.Request.Path,
        };
        if (field is not null) problem.Extensions["field"] = field;
        return Results.Problem(problem).ExecuteAsync(context);
    }
}

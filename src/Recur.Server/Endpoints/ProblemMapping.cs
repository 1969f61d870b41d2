using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Recur.Core;

namespace Recur.Server.Endpoints;

/// <summary>
/// Turns the caller's mistakes into ProblemDetails: <see cref="RecurException"/> by its kind, and
/// unreadable JSON into 400 — never a 500 for a client error. The offending field is in "field".
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
                _ => StatusCodes.Status400BadRequest,
            };
            await Write(context, status, e.Message, e.Field);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await Write(context, StatusCodes.Status400BadRequest, e.InnerException is JsonException j ? $"the body is not valid JSON: {j.Message}" : e.Message, null);
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
            Title = status switch { 404 => "Not found", 409 => "Conflict", _ => "Invalid request" },
            Detail = detail,
            Instance = context.Request.Path,
        };
        if (field is not null) problem.Extensions["field"] = field;
        return Results.Problem(problem).ExecuteAsync(context);
    }
}

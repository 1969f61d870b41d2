using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Recur.Server.Contract;

/// <summary>
/// The OpenAPI document's contract (Microservice Architecture for ML): named request bodies instead of an untyped one,
/// ProblemDetails for every client error, and feature values described as number, string or null.
/// </summary>
internal static class OpenApiContract
{
    /// <summary>The client errors a body-reading endpoint answers with ProblemDetails.</summary>
    private static readonly int[] BodyProblems = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status503ServiceUnavailable];

    /// <summary>Registers the document with its schema transformer.</summary>
    public static IServiceCollection AddRecurOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            // A feature value or label is read as raw JSON; say what it may hold rather than "anything".
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(System.Text.Json.JsonElement) || type == typeof(System.Text.Json.JsonElement?))
            {
                schema.Type = JsonSchemaType.Number | JsonSchemaType.String | JsonSchemaType.Boolean | JsonSchemaType.Null;
                schema.Description ??= "a number, a string (a category or class), a boolean, or null";
            }
            return Task.CompletedTask;
        }));

    /// <summary>
    /// Declares a JSON request body of <typeparamref name="TRequest"/> (and any further content types accepted) and the
    /// ProblemDetails answers of a body-reading endpoint.
    /// </summary>
    public static RouteHandlerBuilder WithBody<TRequest>(this RouteHandlerBuilder builder, params string[] moreContentTypes) where TRequest : notnull =>
        builder.Accepts<TRequest>("application/json", moreContentTypes).WithProblems(BodyProblems);

    /// <summary>Declares ProblemDetails answers for the given status codes.</summary>
    public static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }
}

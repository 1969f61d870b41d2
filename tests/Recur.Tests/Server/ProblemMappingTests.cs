using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Server.Endpoints;

namespace Recur.Tests.Server;

public sealed class ProblemMappingTests
{
    [Fact]
    public async Task InvokeAsync_StoreUnavailable_Answers503WithRetryAfterNever500()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        var mapping = new ProblemMapping(_ => throw RecurException.Unavailable("storage: PostgreSQL at db:5432/recur does not answer: connection refused"));

        await mapping.InvokeAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        Assert.Contains("db:5432/recur", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Recur.Server.Security.Internal;

namespace Recur.Server.Security;

/// <summary>Registers the server's key checking: the in-memory key cache, its refresher and the gate.</summary>
internal static class ApiKeyServices
{
    public static IServiceCollection AddApiKeyChecks(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<AuthGate>();
        services.AddHostedService<ApiKeyRefresher>();
        return services;
    }
}

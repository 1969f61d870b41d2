using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Recur.Core.Registry;
using Recur.Core.Project;
using Recur.Registry.Artifacts;
using Recur.Registry.Webhooks;

namespace Recur.Registry;

/// <summary>The registry module's registration.</summary>
public static class RegistryServices
{
    /// <summary>Registers the content-addressed file artifact store under <paramref name="artifactsDir"/>, unless a backend registered one.</summary>
    public static IServiceCollection AddFileArtifactStore(this IServiceCollection services, string artifactsDir)
    {
        services.TryAddSingleton<IArtifactStore>(sp => new FileArtifactStore(artifactsDir, sp.GetService<ILogger<FileArtifactStore>>()));
        return services;
    }

    /// <summary>
    /// Registers who registry changes are recorded for (<see cref="RegistryActor.Current"/> unless the host registered
    /// one) and, when recur.yaml declares webhooks, the <see cref="WebhookPublisher"/> that tells them of every event.
    /// </summary>
    public static IServiceCollection AddRegistryEvents(this IServiceCollection services, RegistryConfig config)
    {
        services.TryAddSingleton(_ => RegistryActor.Current());
        if (config.Webhooks.Count > 0)
        {
            services.TryAddSingleton<IRegistryEventSink>(sp => new WebhookPublisher(config, new HttpClient(), sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<WebhookPublisher>>()));
        }
        return services;
    }
}

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
    /// <summary>
    /// Wraps the registry the backend registered (<see cref="IRegistryStore"/> and <see cref="IRegistryEvents"/>) in the
    /// <see cref="Guard.AliasGuard"/>, so every alias move, whoever asks for it, is checked in one place: only a pipeline
    /// version trained on a catalogued snapshot takes an alias. Call it after the backend registered its stores.
    /// </summary>
    public static IServiceCollection AddAliasGuard(this IServiceCollection services)
    {
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IRegistryStore)) ?? throw new InvalidOperationException("no IRegistryStore is registered to guard");
        var events = services.LastOrDefault(d => d.ServiceType == typeof(IRegistryEvents)) ?? throw new InvalidOperationException("no IRegistryEvents is registered to guard");
        services.RemoveAll<IRegistryStore>();
        services.RemoveAll<IRegistryEvents>();
        services.AddSingleton(sp => new Guard.AliasGuard((IRegistryStore)Resolve(sp, store), (IRegistryEvents)Resolve(sp, events),
            sp.GetRequiredService<Core.Lake.ISnapshotCatalog>()));
        services.AddSingleton<IRegistryStore>(sp => sp.GetRequiredService<Guard.AliasGuard>());
        services.AddSingleton<IRegistryEvents>(sp => sp.GetRequiredService<Guard.AliasGuard>());
        return services;
    }

    private static object Resolve(IServiceProvider sp, ServiceDescriptor d) =>
        d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Recur.Core.Registry;
using Recur.Registry.Artifacts;

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
}

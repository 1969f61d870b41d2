using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Recur.Core.Modeling;
using Recur.Core.Registry;

namespace Recur.Training;

/// <summary>The training module's registration.</summary>
public static class TrainingServices
{
    /// <summary>Registers the <see cref="IModelLoader"/> that verifies each version's file against its SHA-256 before loading it.</summary>
    public static IServiceCollection AddVerifiedModelLoader(this IServiceCollection services)
    {
        services.TryAddSingleton<IModelLoader>(sp => RegisteredModel.Loader(sp.GetRequiredService<IArtifactStore>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Recur.Training.RegisteredModel")));
        return services;
    }
}

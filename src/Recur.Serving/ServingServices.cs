using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Recur.Serving.Log;

namespace Recur.Serving;

/// <summary>The serving module's registration.</summary>
public static class ServingServices
{
    /// <summary>
    /// Registers the model pool, the prediction log writer and the prediction service that REST and <c>recur predict</c> share.
    /// They need the registry, the model loader, the prediction log, the serving settings and a clock.
    /// </summary>
    public static IServiceCollection AddPredictionServing(this IServiceCollection services)
    {
        services.TryAddSingleton<ModelPool>();
        services.TryAddSingleton<PredictionLogWriter>();
        services.TryAddSingleton<PredictionService>();
        services.TryAddSingleton<Batch.BatchScorer>();
        services.TryAddSingleton<Batch.BatchPredictor>();
        services.TryAddSingleton<Published.KeyedPredictions>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Recur.Serving.Log;

namespace Recur.Serving;

/// <summary>The serving module's registration.</summary>
public static class ServingServices
{
    /// <summary>
    /// Registers the model pool, the prediction log writer and the prediction service that REST and <c>recur predict</c> share.
    /// They need the registry, the model loader, the prediction log, the serving settings, a clock, and for gateway routes
    /// an <see cref="Routing.IRouteConfigSource"/> and a <see cref="Routing.TargetPicker"/>.
    /// </summary>
    public static IServiceCollection AddPredictionServing(this IServiceCollection services)
    {
        services.TryAddSingleton<ModelPool>();
        services.TryAddSingleton<PredictionLogWriter>();
        services.TryAddSingleton<Safeguards.SafeguardBook>();
        services.TryAddSingleton<PredictionService>();
        services.TryAddSingleton<Routing.RouteSource>();
        services.TryAddSingleton<Routing.RouteReporter>();
        services.TryAddSingleton(sp => new Routing.ShadowScorer(
            new Lazy<PredictionService>(sp.GetRequiredService<PredictionService>), sp.GetService<Microsoft.Extensions.Logging.ILogger<Routing.ShadowScorer>>()));
        services.TryAddSingleton<Surrogates.SurrogateService>();
        services.TryAddSingleton<Batch.BatchScorer>();
        services.TryAddSingleton<Batch.BatchPredictor>();
        services.TryAddSingleton<Published.KeyedPredictions>();
        return services;
    }
}

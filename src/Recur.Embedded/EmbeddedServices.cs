using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Pipeline;
using Recur.Serving;
using Recur.Serving.Log;

namespace Recur.Embedded;

/// <summary>The embedded predictor's registration.</summary>
public static class EmbeddedServices
{
    /// <summary>
    /// Registers the Recur project in <paramref name="projectDir"/> (its recur.yaml, stores, model loader and prediction
    /// service, as the server composes them) and an <see cref="IRecurPredictor"/> for the version <paramref name="configure"/>
    /// picks (default: the project's model at alias <c>champion</c>). A bad recur.yaml or a bad choice fails here, naming
    /// the setting. The prediction log is flushed when the service provider is disposed (host shutdown).
    /// </summary>
    public static IServiceCollection AddRecurPredictor(this IServiceCollection services, string projectDir, Action<RecurPredictorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new RecurPredictorOptions();
        configure?.Invoke(options);
        var project = RecurServices.Load(projectDir, options.Store);
        var name = project.Config.Name;
        if (options.Model is { } model && model != name)
        {
            throw RecurException.Invalid($"AddRecurPredictor: model '{model}' is not this project's model (it registers '{name}')", nameof(RecurPredictorOptions.Model));
        }
        var selector = ModelSelector.From(name, options.Version, options.Alias);
        services.AddRecur(project);
        services.AddSingleton<IRecurPredictor>(sp => new RecurPredictor(sp.GetRequiredService<PredictionService>(), sp.GetRequiredService<PredictionLogWriter>(), selector));
        return services;
    }
}

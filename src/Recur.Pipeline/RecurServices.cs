using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Recur.Lake;
using Recur.Pipeline.Config;
using Recur.Pipeline.Storage;
using Recur.Registry;
using Recur.Training;
using Recur.Serving;

namespace Recur.Pipeline;

/// <summary>
/// The composition root: the one place that chooses a project's backends and wires its services. The
/// CLI, the server and the tests all build from <c>AddRecur</c>.
/// </summary>
public static class RecurServices
{
    /// <summary>
    /// Registers a project: its recur.yaml (loaded and validated now, so a bad file fails before anything
    /// runs), the stores of the backend its <c>storage:</c> URI names (or <paramref name="storage"/>, the
    /// <c>--store</c> override), the embedded file stores for whatever the backend does not provide, the
    /// model loader, the serving services and <see cref="RecurProject"/>. Logging is registered without
    /// providers unless the host added some.
    /// </summary>
    public static IServiceCollection AddRecur(this IServiceCollection services, string projectDir, TimeProvider? time = null, string? storage = null) =>
        services.AddRecur(Load(projectDir, storage), time);

    /// <summary>
    /// Loads a project's definition: recur.yaml (validated) and the storage in force, checked against the
    /// backends available; <paramref name="storage"/> (<c>--store</c>) overrides <c>storage:</c>.
    /// </summary>
    public static ProjectDefinition Load(string projectDir, string? storage = null)
    {
        var layout = new ProjectLayout(Path.GetFullPath(projectDir));
        var (config, hash) = ProjectConfigLoader.Load(Path.Combine(layout.Root, RecurProject.FileName));
        var setting = storage is null ? "storage" : "--store";
        var uri = StorageUri.Parse(storage ?? config.Storage, setting);
        StorageBackends.Resolve(uri, setting);
        return new ProjectDefinition(layout, config, hash, uri);
    }

    /// <summary>Registers a loaded project (see <see cref="AddRecur(IServiceCollection, string, TimeProvider?, string?)"/>).</summary>
    public static IServiceCollection AddRecur(this IServiceCollection services, ProjectDefinition project, TimeProvider? time = null)
    {
        var (layout, config, uri) = (project.Layout, project.Config, project.Storage);
        var backend = StorageBackends.Resolve(uri, "storage");

        services.AddLogging();
        // A clock given here wins over one a host registered; otherwise the host's, else the system clock.
        if (time is not null) services.AddSingleton(time);
        else services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(project);
        services.AddSingleton(layout);
        services.AddSingleton(config);
        services.AddSingleton(config.Serving);

        backend.Register(services, uri, layout);
        // Experiment models are never promotable: every alias move goes through one guard around the backend's registry.
        services.AddAliasGuard();
        // Each module registers its own parts; the file stores are the fallbacks a backend may replace.
        services.AddFileLake(layout.Lake);
        services.AddFileArtifactStore(layout.Artifacts);
        services.AddRegistryEvents(config.Registry);
        services.AddVerifiedModelLoader();
        var canary = new Loop.CanaryFile(layout);
        services.TryAddSingleton(canary);
        services.TryAddSingleton<Serving.Routing.IRouteConfigSource>(new Loop.LoopRouteSource(new ProjectRouteSource(project), canary));
        services.TryAddSingleton(new Serving.Routing.TargetPicker(config.Seed));
        services.TryAddSingleton(new Serving.Windows.WindowFeatureBook(Windows.TrainingWindows.LiveSource));
        services.AddPredictionServing();
        services.TryAddSingleton<Core.Observability.RecurMetrics>();
        services.TryAddSingleton<RecurProject>();
        return services;
    }
}

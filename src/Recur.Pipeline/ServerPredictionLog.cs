using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Recur.Serving.Log;

namespace Recur.Pipeline;

/// <summary>The server's prediction log settings, from recur.yaml's <c>serving.log</c>.</summary>
public static class ServerPredictionLog
{
    /// <summary>
    /// Registers <see cref="PredictionLogOptions"/> for a serving host: with <c>durability: fsync</c> (the default) every
    /// answer waits for its records' fsync to the local log under <c>serving.log.dir</c>; with <c>none</c> they are queued.
    /// Hosts that do not call this (CLI batch scoring) queue records and flush before they report.
    /// </summary>
    public static IServiceCollection AddServerPredictionLog(this IServiceCollection services, ProjectDefinition project)
    {
        ArgumentNullException.ThrowIfNull(project);
        services.TryAddSingleton(PredictionLogOptions.From(project.Config.Serving.Log, project.Layout.Root));
        return services;
    }
}

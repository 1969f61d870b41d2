using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Serving;
using Recur.Serving.Routing;

namespace Recur.Server.Observability;

/// <summary>
/// Whether this replica should be sent traffic: every routed selector (the project model's champion, every target,
/// shadow and fast phase of <c>serving.routes</c>, and every alias or version clients have asked for) resolves and
/// its model is loaded in the pool, and the store answers a cheap read (the champion alias through
/// <see cref="IRegistryStore"/>, whichever backend holds it) within <see cref="Timeout"/>. A model still loading when
/// the time is up keeps loading; the next check finds it loaded. A prediction log with more than its pending limit
/// waiting to be stored makes the replica not ready too: its predictions would be refused until the store catches up.
/// A server listening before its store answered (<see cref="StoreStartup"/>) is not ready until it has started.
/// </summary>
internal sealed class ReadinessCheck(ModelPool pool, RouteSource routes, IRegistryStore registry, ProjectConfig config, LogHealthWatch log, StoreStartup? startup = null)
{
    /// <summary>How long the store and each model may take to answer one check.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>What is not ready: the store, or a selector such as <c>adult@champion</c>, and why.</summary>
    public sealed record NotReady(string What, string Detail);

    /// <summary>Runs the check; an empty list means ready.</summary>
    public async Task<IReadOnlyList<NotReady>> CheckAsync(CancellationToken ct)
    {
        if (startup?.Waiting is { } waiting) return [new NotReady("store", $"not started: {waiting}")];
        var problems = new List<NotReady>();
        var champion = ModelSelector.From(config.Name, null, null);
        var store = await Within(async () => await registry.ResolveAliasAsync(champion.Model, champion.Alias, ct), ct);
        if (store is not null) problems.Add(new NotReady("store", store));
        if (log.Behind() is { } logProblem) problems.Add(new NotReady("prediction log", logProblem));

        var selectors = new List<ModelSelector> { champion };
        var table = await Within(async () => selectors.AddRange((await routes.CurrentAsync(ct)).Routes.SelectMany(r => r.Selectors)), ct);
        if (table is not null) problems.Add(new NotReady("routes", table));
        selectors.AddRange(pool.Requested);
        foreach (var selector in selectors.Distinct())
        {
            var problem = await Within(async () => await pool.GetAsync(selector, ct), ct);
            if (problem is not null) problems.Add(new NotReady(selector.ToString(), problem));
        }
        return problems;
    }

    // Null when the work finished within the timeout; else why not (its error, or that it is still running).
    private static async Task<string?> Within(Func<Task> work, CancellationToken ct)
    {
        try
        {
            await work().WaitAsync(Timeout, ct);
            return null;
        }
        catch (TimeoutException)
        {
            return $"no answer within {Timeout.TotalSeconds:0.#} s (still loading or the store is slow)";
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return e.Message;
        }
    }
}

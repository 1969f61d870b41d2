using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core;
using Recur.Core.Modeling;

namespace Recur.Serving.Routing;

/// <summary>
/// Keeps the routes in force and reloads them without a restart. At most once per <see cref="CheckInterval"/> a
/// request looks at the declaration's stamp; when it changed, the new routes are compiled, checked against the
/// registry (every version and alias exists, a shadow or fast phase is not a target's version) and every model
/// they use is loaded, in the background, while requests go on with the routes in force. Only then do they take
/// over, in one swap, so no request fails or waits during the switch. Routes that fail a check are refused with
/// the key named (<see cref="LastError"/>, <c>GET /v1/routes</c>, the log) and the previous routes stay in force.
/// </summary>
public sealed class RouteSource(IRouteConfigSource source, ModelPool pool, TimeProvider time, ILogger<RouteSource>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile State? _state;
    private int _checking;

    /// <summary>How often the declaration's stamp is looked at.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private sealed record State(RouteTable Table, string Stamp, DateTimeOffset CheckedAt, string? Error);

    /// <summary>The last refused declaration's problem, or null when the newest declaration is in force.</summary>
    public string? LastError => _state?.Error;

    /// <summary>
    /// The routes in force. The first call loads them and throws if they are invalid; later calls never wait for
    /// a reload.
    /// </summary>
    public async ValueTask<RouteTable> CurrentAsync(CancellationToken ct = default)
    {
        var state = _state;
        if (state is null) return await LoadFirstAsync(ct);
        var now = time.GetUtcNow();
        if (now - state.CheckedAt >= CheckInterval && Interlocked.CompareExchange(ref _checking, 1, 0) == 0)
        {
            _ = Task.Run(() => CheckAsync(state, now));
        }
        return state.Table;
    }

    /// <summary>Reloads now if the declaration changed (what a request does in the background at most once a second).</summary>
    public async Task<RouteTable> ReloadAsync(CancellationToken ct = default)
    {
        var state = _state ?? new State(await LoadFirstAsync(ct), "", default, null);
        await ApplyAsync(state, source.Stamp(), ct);
        return _state!.Table;
    }

    private async Task<RouteTable> LoadFirstAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            if (_state is { } loaded) return loaded.Table;
            var stamp = source.Stamp();
            var table = await BuildAsync(1, ct);
            _state = new State(table, stamp, time.GetUtcNow(), null);
            if (table.Routes.Count > 0) _logger.RoutesLoaded(table.Revision, Describe(table));
            return table;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task CheckAsync(State state, DateTimeOffset now)
    {
        try
        {
            var stamp = source.Stamp();
            if (stamp == state.Stamp) _state = state with { CheckedAt = now };
            else await ApplyAsync(state, stamp, CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.RoutesRefused(state.Table.Revision, e.Message);
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    private async Task ApplyAsync(State state, string stamp, CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            var current = _state ?? state;
            if (stamp == current.Stamp && current.Error is null) return;
            try
            {
                var table = await BuildAsync(current.Table.Revision + 1, ct);
                _state = new State(table, stamp, time.GetUtcNow(), null);
                _logger.RoutesLoaded(table.Revision, Describe(table));
            }
            catch (RecurException e)
            {
                // Remember the stamp, so a bad file is reported once, not re-read every second.
                _state = current with { Stamp = stamp, CheckedAt = time.GetUtcNow(), Error = e.Message };
                _logger.RoutesRefused(current.Table.Revision, e.Message);
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<RouteTable> BuildAsync(int revision, CancellationToken ct)
    {
        try
        {
            var routes = RouteRules.Compile(source.Read(), source.DefaultModel);
            for (var i = 0; i < routes.Count; i++) await CheckAsync(routes[i], $"serving.routes[{i}]", ct);
            return new RouteTable(revision, time.GetUtcNow(), routes);
        }
        catch (RecurException e)
        {
            throw source.Locate(e);
        }
    }

    // Every selector resolves, its file loads, and the shadow and fast phase are versions other than the targets'.
    private async Task CheckAsync(Route route, string at, CancellationToken ct)
    {
        var targets = new List<int>();
        for (var t = 0; t < route.Targets.Count; t++) targets.Add((await LoadAsync(route.Targets[t].Selector, $"{at}.targets[{t}]", ct)).Version.Version);
        if (route.Shadow is { } shadow)
        {
            var v = (await LoadAsync(shadow, $"{at}.shadow", ct)).Version.Version;
            if (targets.Contains(v)) throw Invalid($"{at}.shadow: {shadow} is version {v}, which is also a target; a shadow must be another version", $"{at}.shadow");
        }
        if (route.TwoPhase is { } phase)
        {
            var fast = await LoadAsync(phase.Fast, $"{at}.two_phase.fast", ct);
            if (targets.Contains(fast.Version.Version)) throw Invalid($"{at}.two_phase.fast: {phase.Fast} is version {fast.Version.Version}, which is also a target", $"{at}.two_phase.fast");
            if (fast.Model.Manifest.Plan.Task == ModelTask.Regression) throw Invalid($"{at}.two_phase.fast: {phase.Fast} is a regression model; two-phase needs class probabilities", $"{at}.two_phase.fast");
        }
    }

    private async Task<LoadedModel> LoadAsync(ModelSelector selector, string key, CancellationToken ct)
    {
        try
        {
            return await pool.GetAsync(selector, ct);
        }
        catch (RecurException e) when (e.Kind is FailureKind.NotFound or FailureKind.Unavailable)
        {
            throw Invalid($"{key}: {e.Message}", key);
        }
    }

    private static string Describe(RouteTable table) => string.Join("; ", table.Routes.Select(r =>
        $"{r.Model}/{r.Name}: {string.Join(", ", r.Targets.Select(t => $"{t.Selector} {t.Weight}%"))}"
        + (r.Shadow is { } s ? $", shadow {s}" : "") + (r.TwoPhase is { } p ? $", fast {p.Fast} at {p.Confidence}" : "")));

    private static RecurException Invalid(string message, string field) => RecurException.Invalid("recur.yaml: " + message, field);
}

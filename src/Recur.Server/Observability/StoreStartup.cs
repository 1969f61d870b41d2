using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Core.Project;
using Recur.Pipeline.Storage;
using Recur.Server.Security;

namespace Recur.Server.Observability;

/// <summary>
/// What must hold before the server answers: the store answers with this build's schema (every
/// <see cref="IStoreStartupCheck"/>), the prediction service composes, the routes are valid and the API keys are read.
/// A store that does not answer is decided by <c>serving.store_down_at_start</c>: <c>fail</c> (the default) fails the
/// start in one line, after trying for <c>serving.store_wait_seconds</c>; <c>listen</c> listens at once, not ready
/// (<see cref="Waiting"/>: /readyz names the store, every request but the probes and an open /metrics is 503 with
/// Retry-After), and tries the steps again once a second in the background until the store answers. Only a failure
/// that says when to try again (<see cref="RecurException.RetryAfterSeconds"/>: a store that does not answer) is waited
/// for; any other (a newer schema, invalid routes, no key on a public bind) stops the server: <see cref="Failure"/>.
/// </summary>
internal sealed partial class StoreStartup(IServiceProvider services, ServingConfig serving, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<StoreStartup> log)
    : BackgroundService
{
    // How often the background tries are logged once the first has been: every this many tries.
    private const int LogEvery = 30;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _startupLog = services.GetRequiredService<ILoggerFactory>().CreateLogger("Recur.Server.Startup");
    private string _address = "";
    private volatile string? _waiting;

    /// <summary>Completes when every step has passed.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Null once ready; else why not yet (the store's last answer).</summary>
    public string? Waiting => _ready.Task.IsCompleted ? null : _waiting ?? "starting";

    /// <summary>What stopped the server during a background start, if anything did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Whether the server listens while the store does not answer.</summary>
    public bool ListensFirst => string.Equals(serving.StoreDownAtStart, "listen", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Runs the steps before the server listens. Throws what fails them, except (with <c>listen</c>) a store that does
    /// not answer: then it returns with <see cref="Waiting"/> set, and <see cref="ExecuteAsync"/> goes on trying.
    /// </summary>
    public void RunBeforeListening(string address, bool loopback)
    {
        _address = address;
        // The bind decides whether keys are required; it is known now, before the keys can be read.
        services.GetRequiredService<AuthGate>().Bind(loopback);
        if (!ListensFirst)
        {
            StepsAsync(TimeSpan.FromSeconds(serving.StoreWaitSeconds), CancellationToken.None).GetAwaiter().GetResult();
            return;
        }
        try
        {
            StepsAsync(TimeSpan.Zero, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (RecurException e) when (e.RetryAfterSeconds is not null)
        {
            _waiting = e.Message;
            ListeningNotReady(log, e.Message);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        var tries = 0;
        while (!_ready.Task.IsCompleted)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                await StepsAsync(TimeSpan.Zero, stoppingToken);
                StoreAnswered(log, Math.Round(time.GetElapsedTime(started).TotalSeconds, 1));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RecurException e) when (e.RetryAfterSeconds is not null)
            {
                _waiting = e.Message;
                if (++tries % LogEvery == 0) StillNotAnswering(log, e.Message, tries);
            }
            catch (Exception e)
            {
                Failure = e;
                StartFailed(log, e.Message);
                lifetime.StopApplication();
                return;
            }
        }
    }

    private async Task StepsAsync(TimeSpan wait, CancellationToken ct)
    {
        foreach (var check in services.GetServices<IStoreStartupCheck>()) await StoreWait.EnsureReadyAsync(check, wait, _startupLog, time, ct);
        _ = services.GetRequiredService<Serving.PredictionService>();
        // Invalid routes fail the start, naming the key; later changes to them are checked before they take over.
        await services.GetRequiredService<Serving.Routing.RouteSource>().CurrentAsync(ct);
        await services.GetRequiredService<AuthGate>().StartAsync(_address, ct);
        _ready.TrySetResult();
    }

    [LoggerMessage(EventId = 9461, Level = LogLevel.Warning,
        Message = "listening, not ready: {Problem}; trying again once a second (serving.store_down_at_start: listen); /readyz is 503 and requests are answered 503 with Retry-After until then")]
    private static partial void ListeningNotReady(ILogger logger, string problem);

    [LoggerMessage(EventId = 9462, Level = LogLevel.Warning, Message = "still not ready after {Tries} tries: {Problem}")]
    private static partial void StillNotAnswering(ILogger logger, string problem, int tries);

    [LoggerMessage(EventId = 9463, Level = LogLevel.Information, Message = "the store answers: ready after {Seconds} s")]
    private static partial void StoreAnswered(ILogger logger, double seconds);

    [LoggerMessage(EventId = 9464, Level = LogLevel.Critical, Message = "stopping: {Problem}")]
    private static partial void StartFailed(ILogger logger, string problem);
}

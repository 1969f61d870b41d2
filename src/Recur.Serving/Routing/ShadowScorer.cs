using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Recur.Serving.Routing;

/// <summary>A copy of a routed request for the route's shadow, stamped with the time the primary answered.</summary>
internal sealed record ShadowRequest(ModelSelector Shadow, string Route, JsonElement Body, DateTimeOffset At);

/// <summary>
/// Scores shadow copies off the request path, one at a time, so a shadow never delays or fails the answer a
/// client gets. The queue is bounded: when the shadow cannot keep up, copies are dropped and counted rather than
/// piling up in memory.
/// </summary>
public sealed class ShadowScorer : IAsyncDisposable
{
    /// <summary>Copies waiting at most; more are dropped.</summary>
    public const int Capacity = 256;

    private readonly Channel<ShadowRequest> _queue = Channel.CreateBounded<ShadowRequest>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });
    private readonly Lazy<PredictionService> _service;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private long _dropped;
    private long _failed;
    private long _scored;

    /// <summary>Starts the background scorer; the prediction service is resolved lazily (it holds this scorer).</summary>
    public ShadowScorer(Lazy<PredictionService> service, ILogger<ShadowScorer>? logger = null)
    {
        _service = service;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Copies dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Copies whose scoring failed (the shadow's file missing, its inputs not matching…).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Copies scored and logged.</summary>
    public long Scored => Interlocked.Read(ref _scored);

    internal void Offer(ShadowRequest request)
    {
        Interlocked.Increment(ref _pending);
        if (_queue.Writer.TryWrite(request)) return;
        Interlocked.Decrement(ref _pending);
        Interlocked.Increment(ref _dropped);
    }

    /// <summary>Completes when every copy queued before the call has been scored (or has failed).</summary>
    public async Task DrainAsync(CancellationToken ct = default)
    {
        while (Interlocked.Read(ref _pending) > 0) await Task.Delay(10, ct);
    }

    private long _pending;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        await foreach (var request in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await _service.Value.ShadowAsync(request, CancellationToken.None);
                Interlocked.Increment(ref _scored);
            }
            catch (Exception e)
            {
                // Whatever the shadow does wrong stays with the shadow.
                Interlocked.Increment(ref _failed);
                _logger.ShadowFailed(request.Shadow.ToString(), e.Message);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }
}

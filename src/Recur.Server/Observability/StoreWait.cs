using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Pipeline.Storage;

namespace Recur.Server.Observability;

/// <summary>
/// The start-up check of the store (<see cref="IStoreStartupCheck"/>), tried again once a second for up to
/// <c>serving.store_wait_seconds</c> while the store does not answer (a database still starting). A failure that
/// trying again cannot mend (a newer schema) ends the wait at once. The last failure is thrown: one line naming the store.
/// </summary>
internal static partial class StoreWait
{
    public static async Task EnsureReadyAsync(IStoreStartupCheck check, TimeSpan wait, ILogger logger, TimeProvider time, CancellationToken ct = default)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                await check.EnsureReadyAsync(ct);
                return;
            }
            catch (RecurException e) when (e.RetryAfterSeconds is not null)
            {
                var left = wait - time.GetElapsedTime(started);
                if (left <= TimeSpan.Zero) throw;
                logger.StoreNotAnswering(e.Message, Math.Ceiling(left.TotalSeconds));
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(1, left.TotalSeconds)), time, ct);
            }
        }
    }

    [LoggerMessage(EventId = 9460, Level = LogLevel.Warning, Message = "{Problem}; trying again for up to {SecondsLeft} s (serving.store_wait_seconds)")]
    private static partial void StoreNotAnswering(this ILogger logger, string problem, double secondsLeft);
}

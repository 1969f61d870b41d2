using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Observability;
using Recur.Serving.Log;

namespace Recur.Server.Observability;

/// <summary><c>GET /metrics</c>: the process's <see cref="RecurMetrics"/> in the Prometheus text format (version 0.0.4).</summary>
internal static class MetricsEndpoints
{
    private const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void MapMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<RecurMetrics>();
        var log = app.Services.GetRequiredService<PredictionLogWriter>();
        metrics.Observe("recur_log_queue_depth", "Prediction-log appends waiting for the next fsync (durability none: records waiting to be stored).", () => log.Health.QueueDepth);
        metrics.Observe("recur_log_write_failures_total", "Prediction-log writes that failed: local-log appends and batches the store refused.", () => log.Failures, counter: true);
        metrics.Observe("recur_log_pending_bytes", "Bytes fsynced to the local log and not yet drained into the store.", () => log.Health.PendingBytes);
        metrics.Observe("recur_log_fsync_batches_total", "Group commits of the local log: one write and one fsync each.", () => log.Health.FsyncBatches, counter: true);
        metrics.Observe("recur_log_frames_written_total", "Prediction records fsynced to the local log (divided by fsync batches: the group-commit size).", () => log.Health.FramesWritten, counter: true);
        metrics.Observe("recur_log_rejected_total", "Predictions refused with 503 and Retry-After because too much of the log was pending.", () => log.Health.Rejected, counter: true);
        ProcessMetrics.AddTo(metrics);
        app.MapGet("/metrics", Write).ExcludeFromDescription();
    }

    private static async Task Write(HttpContext context, RecurMetrics metrics)
    {
        var text = new StringWriter(new StringBuilder(16 * 1024), System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        metrics.WriteTo(text);
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}

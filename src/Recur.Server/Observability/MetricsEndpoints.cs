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
        metrics.Observe("recur_log_queue_depth", "Prediction-log records answered and waiting to be written to the store.", () => log.QueueDepth);
        metrics.Observe("recur_log_write_failures_total", "Prediction-log batches that failed to be written to the store.", () => log.Failures, counter: true);
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

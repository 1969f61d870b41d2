using Microsoft.Extensions.Logging;

namespace Recur.Evaluation;

/// <summary>
/// The evaluation module's log messages (event ids 4000–4099), source-generated. Evaluation is pure
/// functions that hold no logger, so the steps that drive it (training, retraining) raise the scoring
/// events with these definitions; <see cref="Reports.HtmlReport"/> raises its own.
/// </summary>
public static partial class EvaluationLog
{
    /// <summary>A model or baseline was scored on the evaluation rows.</summary>
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Scored {Subject} on {Rows} evaluation rows: {Metric} = {Value}")]
    public static partial void Scored(this ILogger logger, string subject, int rows, string metric, double value);

    /// <summary>A metric could not be computed on these rows (it is reported as NaN).</summary>
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "{Subject}: {Metric} is undefined on these rows")]
    public static partial void MetricUndefined(this ILogger logger, string subject, string metric);

    /// <summary>An HTML report was written.</summary>
    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Wrote report {Path}")]
    public static partial void ReportSaved(this ILogger logger, string path);
}

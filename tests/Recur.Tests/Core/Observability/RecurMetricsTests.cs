using Recur.Core.Observability;

namespace Recur.Tests.Core.Observability;

/// <summary>The metrics registry writes the Prometheus text format: HELP and TYPE lines, escaped labels, cumulative buckets.</summary>
public sealed class RecurMetricsTests
{
    private static string Text(RecurMetrics metrics)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        metrics.WriteTo(writer);
        return writer.ToString();
    }

    [Fact]
    public void WriteTo_CounterAddedTo_WritesHelpTypeAndOneSamplePerLabelSet()
    {
        var metrics = new RecurMetrics();
        metrics.Predictions.Add("adult", "1");
        metrics.Predictions.Add("adult", "1", count: 2);
        metrics.Predictions.Add("adult", "2");

        var lines = Text(metrics).Split('\n');

        Assert.Contains("# TYPE recur_predictions_total counter", lines);
        Assert.Contains("recur_predictions_total{model=\"adult\",version=\"1\"} 3", lines);
        Assert.Contains("recur_predictions_total{model=\"adult\",version=\"2\"} 1", lines);
        Assert.Equal(3, metrics.Predictions.Value("adult", "1"));
    }

    [Fact]
    public void WriteTo_LabelWithQuoteBackslashAndNewline_EscapesThem()
    {
        var metrics = new RecurMetrics();
        metrics.SafeguardHits.Add("m", "a\"b\\c\nd");

        Assert.Contains("recur_safeguard_hits_total{model=\"m\",rule=\"a\\\"b\\\\c\\nd\"} 1", Text(metrics).Split('\n'));
    }

    [Fact]
    public void WriteTo_Histogram_WritesCumulativeBucketsSumAndCount()
    {
        var metrics = new RecurMetrics();
        metrics.RequestDuration.Observe(0.0002, "adult", "1", "/p");
        metrics.RequestDuration.Observe(0.003, "adult", "1", "/p");
        metrics.RequestDuration.Observe(20, "adult", "1", "/p");

        var lines = Text(metrics).Split('\n');

        Assert.Contains("# TYPE recur_request_duration_seconds histogram", lines);
        Assert.Contains("recur_request_duration_seconds_bucket{model=\"adult\",version=\"1\",route=\"/p\",le=\"0.0001\"} 0", lines);
        Assert.Contains("recur_request_duration_seconds_bucket{model=\"adult\",version=\"1\",route=\"/p\",le=\"0.00025\"} 1", lines);
        Assert.Contains("recur_request_duration_seconds_bucket{model=\"adult\",version=\"1\",route=\"/p\",le=\"0.005\"} 2", lines);
        Assert.Contains("recur_request_duration_seconds_bucket{model=\"adult\",version=\"1\",route=\"/p\",le=\"10\"} 2", lines);
        Assert.Contains("recur_request_duration_seconds_bucket{model=\"adult\",version=\"1\",route=\"/p\",le=\"+Inf\"} 3", lines);
        Assert.Contains("recur_request_duration_seconds_count{model=\"adult\",version=\"1\",route=\"/p\"} 3", lines);
        var sum = lines.Single(l => l.StartsWith("recur_request_duration_seconds_sum", StringComparison.Ordinal));
        Assert.Equal(20.0032, double.Parse(sum.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), 6);
    }

    [Fact]
    public void Observe_ReadOnScrape_WritesTheCurrentValueOnceEvenWhenAddedTwice()
    {
        var metrics = new RecurMetrics();
        var depth = 4;
        metrics.Observe("recur_log_queue_depth", "queued", () => depth);
        metrics.Observe("recur_log_queue_depth", "queued again", () => -1);
        depth = 7;

        var lines = Text(metrics).Split('\n');

        Assert.Contains("# TYPE recur_log_queue_depth gauge", lines);
        Assert.Single(lines, l => l.StartsWith("recur_log_queue_depth ", StringComparison.Ordinal));
        Assert.Contains("recur_log_queue_depth 7", lines);
    }

    [Fact]
    public void Add_FromManyThreads_LosesNoCount()
    {
        var metrics = new RecurMetrics();
        Parallel.For(0, 8, _ => { for (var i = 0; i < 10_000; i++) metrics.Requests.Add("/r", "POST", RecurMetrics.Label(200)); });

        Assert.Equal(80_000, metrics.Requests.Value("/r", "POST", "200"));
    }

    [Fact]
    public void Label_SmallNumber_IsTheSameCachedString()
    {
        Assert.Same(RecurMetrics.Label(404), RecurMetrics.Label(404));
        Assert.Equal("5000", RecurMetrics.Label(5000));
    }
}

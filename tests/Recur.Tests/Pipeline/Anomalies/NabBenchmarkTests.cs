using Recur.Pipeline.Anomalies;

namespace Recur.Tests.Pipeline.Anomalies;

/// <summary>The window z-score detector scored on NAB's realKnownCause streams (the checked-in copy).</summary>
public sealed class NabBenchmarkTests
{
    [Fact]
    public async Task RunAsync_RealKnownCause_ScoresEveryStreamDeterministically()
    {
        var folder = TestData.Path("..", "examples-nab");

        var first = await NabBenchmark.RunAsync(folder, new ZScoreDetectorOptions());
        var second = await NabBenchmark.RunAsync(folder, new ZScoreDetectorOptions());

        Assert.Equal(7, first.Streams.Count);
        Assert.Equal(["standard", "reward_low_FP_rate", "reward_low_FN_rate"], first.Totals.Select(t => t.Profile));
        Assert.Equal(19, first.Totals[0].Windows);
        Assert.InRange(first.Totals[0].Normalised, -100, 100);
        Assert.Equal(first.Totals.Select(t => t.Raw), second.Totals.Select(t => t.Raw));
        var (p, low, high) = first.Precision;
        Assert.True(low <= p && p <= high);
    }

    [Fact]
    public async Task RunAsync_OneStream_FindsTheLabelsOfItsFolder()
    {
        var stream = TestData.Path("..", "examples-nab", "data", "realKnownCause", "ec2_request_latency_system_failure.csv");

        var result = await NabBenchmark.RunAsync(stream, new ZScoreDetectorOptions());

        Assert.Equal("realKnownCause/ec2_request_latency_system_failure.csv", Assert.Single(result.Streams).Stream);
        Assert.Equal(3, result.Totals[0].Windows);
    }
}

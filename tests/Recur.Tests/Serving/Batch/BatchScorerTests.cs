using Recur.Serving.Batch;

namespace Recur.Tests.Serving.Batch;

public sealed class BatchScorerTests
{
    // A source of rows whose x is their index, with a bad value every 'badEvery' rows; chunks arrive in order.
    private sealed class CountingSource(int rows, int badEvery) : IBatchSource
    {
        public string Description => "counting";

        public async IAsyncEnumerable<RawChunk> ReadAsync(IReadOnlyList<string> columns, int chunkRows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            var sequence = 0;
            for (var start = 1; start <= rows; start += chunkRows)
            {
                await Task.Yield();
                var chunk = Enumerable.Range(start, Math.Min(chunkRows, rows - start + 1))
                    .Select(i => new RawRow(i, [i % badEvery == 0 ? "n/a" : i.ToString(System.Globalization.CultureInfo.InvariantCulture), "red", $"k{i}"]))
                    .ToList();
                yield return new RawChunk(sequence++, chunk);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task RunAsync_ChunksScoredInParallel_WritesInInputOrderWithKeys()
    {
        await using var fixture = new ScorerFixture();
        var sink = new CollectingSink();

        var summary = await fixture.Scorer.RunAsync(fixture.Loaded, new CountingSource(1000, 1_000_000), new BatchOptions { ChunkRows = 7, Parallel = 4, KeyColumn = "id" }, [sink]);

        Assert.Equal((1000L, 1000L, 0L, 3), (summary.Rows, summary.Scored, summary.Rejected, summary.ModelVersion));
        Assert.True(sink.Completed);
        Assert.Equal(Enumerable.Range(0, sink.Chunks.Count), sink.Chunks.Select(c => c.Sequence));
        var results = sink.Chunks.SelectMany(c => c.Results).ToList();
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"k{i}"), results.Select(r => r.Key));
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => i / 100.0), results.Select(r => r.Score));
        Assert.Equal(1000, fixture.Log.Records.Count);
        Assert.Equal("""{"x":1,"colour":"red"}""", fixture.Log.Records.Single(r => r.Key == "k1").InputsJson);
    }

    [Fact]
    public async Task RunAsync_BadRows_AreRefusedByIndexAndKeyAndTheRestScored()
    {
        await using var fixture = new ScorerFixture();
        var sink = new CollectingSink();

        var summary = await fixture.Scorer.RunAsync(fixture.Loaded, new CountingSource(100, 10), new BatchOptions { ChunkRows = 16, Parallel = 2, KeyColumn = "id", MissingTokens = [] }, [sink]);

        Assert.Equal((100L, 90L, 10L), (summary.Rows, summary.Scored, summary.Rejected));
        var rejects = sink.Chunks.SelectMany(c => c.Rejects).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i * 10), rejects.Select(r => r.Index));
        Assert.Equal(new BatchReject(10, "k10", "x", "'n/a' is not a number (integer)"), rejects[0]);
        Assert.DoesNotContain(sink.Chunks.SelectMany(c => c.Results), r => r.Key == "k10");
        Assert.Equal(Enumerable.Range(1, 100).Where(i => i % 10 != 0).Select(i => (long)i), sink.Chunks.SelectMany(c => c.Indices));
    }

    [Fact]
    public async Task RunAsync_MissingToken_IsAMissingValueNotARefusal()
    {
        await using var fixture = new ScorerFixture();
        var sink = new CollectingSink();

        var summary = await fixture.Scorer.RunAsync(fixture.Loaded, new CountingSource(20, 5), new BatchOptions { ChunkRows = 8, KeyColumn = "id", MissingTokens = ["n/a"] }, [sink]);

        Assert.Equal(0, summary.Rejected);
        Assert.Equal(0.5, sink.Chunks.SelectMany(c => c.Results).Single(r => r.Key == "k5").Score);
    }

    [Fact]
    public async Task RunAsync_LogOff_LogsNothing()
    {
        await using var fixture = new ScorerFixture();

        var summary = await fixture.Scorer.RunAsync(fixture.Loaded, new CountingSource(50, 1_000), new BatchOptions { ChunkRows = 8, Log = false }, [new CollectingSink()]);

        Assert.Equal(50, summary.Scored);
        await fixture.Writer.FlushAsync();
        Assert.Empty(fixture.Log.Records);
    }

    [Fact]
    public async Task RunAsync_NoKeyColumn_NumbersRowsByIndex()
    {
        await using var fixture = new ScorerFixture();
        var sink = new CollectingSink();

        await fixture.Scorer.RunAsync(fixture.Loaded, new CountingSource(3, 1_000), new BatchOptions(), [sink]);

        Assert.Equal(["row-1", "row-2", "row-3"], sink.Chunks.SelectMany(c => c.Results).Select(r => r.Key));
    }
}

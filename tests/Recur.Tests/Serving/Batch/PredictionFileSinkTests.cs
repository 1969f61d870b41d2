using Recur.Core.Modeling;
using Recur.Serving.Batch;
using Recur.Serving.Requests;

namespace Recur.Tests.Serving.Batch;

public sealed class PredictionFileSinkTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ScoredChunk Chunk(params string[] keys) =>
        new(0, keys.Length, [.. keys.Select(k => new PredictionResult(k, ModelTask.Binary, "<=50K", 0.25, null, 2))], [.. keys.Select((_, i) => (long)i + 1)], []);

    [Fact]
    public async Task CompleteAsync_Csv_RenamesIntoPlaceWithHeaderAndQuotedKeys()
    {
        await using (var sink = new PredictionFileSink(_dir.Path("out.csv"), ScaledPredictor.Plan))
        {
            await sink.WriteAsync(Chunk("a", "b,c"));
            Assert.False(File.Exists(_dir.Path("out.csv")));
            await sink.CompleteAsync();
        }

        Assert.Equal(["key,label,score,model_version", "a,<=50K,0.25,2", "\"b,c\",<=50K,0.25,2"], File.ReadAllLines(_dir.Path("out.csv")));
        Assert.Single(Directory.GetFiles(_dir.Root));
    }

    [Fact]
    public async Task CompleteAsync_WithRules_AddsTheRulesThatFired()
    {
        var chunk = new ScoredChunk(0, 2, [new PredictionResult("a", ModelTask.Binary, "<=50K", 0.25, null, 2, ["range:age:clamp", "override:no-minors"]),
            new PredictionResult("b", ModelTask.Binary, ">50K", 0.75, null, 2)], [1, 2], []);
        foreach (var name in new[] { "out.csv", "out.jsonl" })
        {
            await using var sink = new PredictionFileSink(_dir.Path(name), ScaledPredictor.Plan, rules: true);
            await sink.WriteAsync(chunk);
            await sink.CompleteAsync();
        }

        Assert.Equal(["key,label,score,model_version,rules", "a,<=50K,0.25,2,range:age:clamp override:no-minors", "b,>50K,0.75,2,"], File.ReadAllLines(_dir.Path("out.csv")));
        Assert.Equal(["""{"key":"a","label":"<=50K","score":0.25,"model_version":2,"rules":["range:age:clamp","override:no-minors"]}""",
            """{"key":"b","label":">50K","score":0.75,"model_version":2}"""], File.ReadAllLines(_dir.Path("out.jsonl")));
    }

    [Fact]
    public async Task DisposeAsync_NotCompleted_LeavesNoFile()
    {
        await using (var sink = new PredictionFileSink(_dir.Path("out.jsonl"), ScaledPredictor.Plan)) await sink.WriteAsync(Chunk("a"));

        Assert.Empty(Directory.GetFiles(_dir.Root));
    }

    [Fact]
    public async Task CompleteAsync_JsonLines_OneObjectPerRow()
    {
        await using (var sink = new PredictionFileSink(_dir.Path("out.jsonl"), ScaledPredictor.Plan))
        {
            await sink.WriteAsync(Chunk("a"));
            await sink.CompleteAsync();
        }

        Assert.Equal(["""{"key":"a","label":"<=50K","score":0.25,"model_version":2}"""], File.ReadAllLines(_dir.Path("out.jsonl")));
    }

    [Fact]
    public async Task RejectsFileSink_Rejects_WrittenAsJsonLinesAndNoneRemovesAnOldFile()
    {
        var path = _dir.Path("out.rejects.jsonl");
        await using (var rejects = new RejectsFileSink(path))
        {
            await rejects.WriteAsync(new ScoredChunk(0, 1, [], [], [new BatchReject(4, "k4", "x", "'a' is not a number (integer)")]));
            await rejects.CompleteAsync();
        }
        Assert.Equal(["""{"index":4,"key":"k4","field":"x","error":"'a' is not a number (integer)"}"""], File.ReadAllLines(path));

        await using (var rejects = new RejectsFileSink(path)) await rejects.CompleteAsync();
        Assert.False(File.Exists(path));
    }
}

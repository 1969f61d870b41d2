using System.Text;
using BenchmarkDotNet.Attributes;
using Recur.Lake.Ingest;

namespace Recur.Benchmarks;

/// <summary>
/// The ingest typer's inner loops, per batch of 65,536 fields: looking a categorical value up in the
/// column's interner (string and code), and classifying a number's text (integer, real or other, with
/// its value). The 1M × 20 benchmark runs each about ten million times.
/// </summary>
[MemoryDiagnoser]
public class IngestTypingBenchmarks
{
    private const int Fields = 65_536;
    private byte[][] _categories = [];
    private byte[][] _decimals = [];
    private Utf8Interner _interner = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _categories = Enumerable.Range(0, Fields).Select(_ => Encoding.UTF8.GetBytes($"c7_{random.Next(15_000)}")).ToArray();
        _decimals = Enumerable.Range(0, Fields).Select(_ => Encoding.UTF8.GetBytes((random.NextDouble() * 100).ToString("0.0000"))).ToArray();
        _interner = new Utf8Interner();
        foreach (var value in _categories) _interner.Get(value, out _);
    }

    [Benchmark(OperationsPerInvoke = Fields)]
    public int InternCategory()
    {
        var sum = 0;
        foreach (var value in _categories)
        {
            _interner.Get(value, out var code);
            sum += code;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Fields)]
    public double ClassifyDecimal()
    {
        var sum = 0.0;
        foreach (var value in _decimals)
        {
            if (NumberText.Classify(value, out var number) == NumberKind.Real) sum += number;
        }
        return sum;
    }
}

using BenchmarkDotNet.Attributes;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;

namespace Recur.Benchmarks;

/// <summary>
/// A fitted feature chain applied to 50,000 raw rows shaped like bench/peers/featurize_peer.py's table: impute and
/// standardize three numbers, one-hot two categories, hash a high-cardinality id, cross hour x weekday, TF-IDF of a
/// short title. Per-step benchmarks show where the time goes (features-bench.sh measures the whole, beside scikit-learn).
/// </summary>
[MemoryDiagnoser]
public class FeatureChainBenchmarks
{
    private const int Rows = 50_000;
    private DataTable _raw = null!;
    private FeatureChain _chain = null!;

    /// <summary>Generated rows (seeded) and the chain fitted on them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string[] colours = ["red", "green", "blue", "yellow", "black", "white", "orange", "purple"];
        var words = Enumerable.Range(0, 2000).Select(i => "w" + ((i * 7919) % 100_003).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        double Number() => random.NextDouble() < 0.02 ? double.NaN : random.NextDouble() * 10 - 5;
        // Zipf-like word choice: frequent words far more likely.
        string Word() => words[(int)Math.Min(words.Length - 1, Math.Floor(Math.Exp(random.NextDouble() * Math.Log(words.Length))) - 1)];
        var range = Enumerable.Range(0, Rows).ToArray();
        _raw = new DataTable(
        [
            Real("x1", [.. range.Select(_ => Number())]),
            Real("x2", [.. range.Select(_ => Number())]),
            Real("x3", [.. range.Select(_ => Number())]),
            Text("color", [.. range.Select(_ => colours[random.Next(colours.Length)])]),
            Text("city", [.. range.Select(_ => $"city_{Math.Min(49, (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(50)))) - 1:D2}")]),
            Text("user", [.. range.Select(_ => $"u{random.Next(100_000, 300_000)}")]),
            Integer("hour", [.. range.Select(_ => (double)random.Next(24))]),
            Integer("weekday", [.. range.Select(_ => (double)random.Next(7))]),
            Text("title", [.. range.Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(3, 9)).Select(_ => Word())))]),
        ]);
        var config = new FeaturesConfig
        {
            Transforms =
            [
                new TransformConfig { Transform = "impute", Columns = ["x1", "x2", "x3"], Params = { ["strategy"] = "mean", ["indicator"] = "false" } },
                new TransformConfig { Transform = "standardize", Columns = ["x1", "x2", "x3"] },
                new TransformConfig { Transform = "onehot", Columns = ["color", "city"] },
                new TransformConfig { Transform = "hash", Columns = ["user"], Params = { ["buckets"] = "1024" } },
                new TransformConfig { Transform = "cross", Columns = ["hour", "weekday"], Params = { ["buckets"] = "256" } },
                new TransformConfig { Transform = "tfidf", Columns = ["title"], Params = { ["max_terms"] = "1000", ["min_df"] = "1" } },
            ],
        };
        var plan = new FeaturePlan([.. _raw.Columns.Select(c => new FeatureSpec(c.Name, c.Spec.Type, true))], "label", "1", "0");
        _chain = FeatureEngineering.Fit(config, plan, _raw).Chain!;
    }

    /// <summary>The whole chain over 50,000 rows.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public int ApplyChain() => _chain.Apply(_raw).Columns.Count;

    /// <summary>One step alone over 50,000 raw rows: 8 hash, 9 cross, 10 tfidf (0-7: impute, standardize, onehot).</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    [Arguments(8)]
    [Arguments(9)]
    [Arguments(10)]
    public int ApplyStep(int step)
    {
        var s = _chain.Steps[step];
        return s.Apply([.. s.Inputs.Select(n => _raw[n])]).Count;
    }

    private static NumericColumn Real(string name, double[] values) => new(new ColumnSpec(name, ColumnType.Real), values);

    private static NumericColumn Integer(string name, double[] values) => new(new ColumnSpec(name, ColumnType.Integer), values);

    private static TextColumn Text(string name, string?[] values) => new(new ColumnSpec(name, ColumnType.Text), values);
}

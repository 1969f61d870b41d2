using BenchmarkDotNet.Attributes;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Monitoring.Drift;

namespace Recur.Benchmarks;

/// <summary>
/// The inner loop of <c>recur drift</c> on one numeric column of the issue-14 workload: 1M reference values against
/// 100k shifted current ones. <see cref="ArraySortReference"/> is the comparison sort alone, for scale: the KS and
/// Wasserstein entries include their own (radix) sorts of both samples; <see cref="DetectEveryTest"/> sorts once and
/// runs KS, normed W1, PSI and binned Jensen–Shannon on the shared sorted arrays.
/// </summary>
[MemoryDiagnoser]
public class DriftStatisticsBenchmarks
{
    private double[] _reference = [];
    private double[] _current = [];
    private DataTable _referenceTable = null!;
    private DataTable _currentTable = null!;

    /// <summary>Seeded normal samples, the current one shifted by 0.2 standard deviations.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        _reference = [.. Enumerable.Range(0, 1_000_000).Select(_ => Math.Round(50 + (10 * Normal()), 4))];
        _current = [.. Enumerable.Range(0, 100_000).Select(_ => Math.Round(52 + (10 * Normal()), 4))];
        _referenceTable = new DataTable([new NumericColumn(new ColumnSpec("x", ColumnType.Real), _reference)]);
        _currentTable = new DataTable([new NumericColumn(new ColumnSpec("x", ColumnType.Real), _current)]);
    }

    /// <summary>Array.Sort of a copy of the reference: the comparison sort the radix sort replaces.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySortReference()
    {
        var copy = (double[])_reference.Clone();
        Array.Sort(copy);
        return copy[^1];
    }

    /// <summary>Two-sample KS statistic and asymptotic p-value, sorting included.</summary>
    [Benchmark]
    public double KolmogorovSmirnovTwoSample() => KolmogorovSmirnov.TwoSample(_reference, _current).PValue;

    /// <summary>Normed W1, sorting included.</summary>
    [Benchmark]
    public double WassersteinNormed() => Wasserstein.NormedDistance(_reference, _current);

    /// <summary>The detector on the column with every test (one sort per side, shared).</summary>
    [Benchmark]
    public double DetectEveryTest() => DriftDetector.Detect(_referenceTable, _currentTable, ["x"], new MonitoringConfig(), everyTest: true).Features[0].Statistic;
}

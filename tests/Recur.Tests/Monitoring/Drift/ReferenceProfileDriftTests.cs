using Recur.Core.Data;
using Recur.Core.Profiles;
using Recur.Core.Project;
using Recur.Lake.Profiling;
using Recur.Monitoring.Drift;

namespace Recur.Tests.Monitoring.Drift;

/// <summary>
/// Drift against a stored profile's reference agrees with drift against the raw rows it was made from:
/// on generated data, with and without drift, small and large references, continuous and tied values.
/// </summary>
public sealed class ReferenceProfileDriftTests
{
    private const int Grid = 1000;

    public static TheoryData<string, int, int> NumericCases()
    {
        var cases = new TheoryData<string, int, int>();
        foreach (var shape in new[] { "normal", "shifted", "discrete", "discrete-shifted", "zero-heavy", "zero-heavy-shifted" })
        {
            cases.Add(shape, 300, 250);
            cases.Add(shape, 20_000, 2_000);
        }
        return cases;
    }

    [Fact]
    public void AgainstReference_UniformGrid_GivesTheHandComputedGap()
    {
        var reference = new NumericReference(1000, 1, 0.5, [0.0, 1.0, 2.0]);

        var result = KolmogorovSmirnov.AgainstReference(reference, [0.5, 1.5, double.NaN]);

        // F_reference(x) = x / 2, F_current steps to 1/2 at 0.5 and to 1 at 1.5: the gap is 1/4 at every step.
        Assert.Equal(0.25, result.Statistic, 15);
    }

    [Fact]
    public void NormedDistance_UniformGrid_GivesTheHandComputedArea()
    {
        var reference = new NumericReference(1000, 1, 0.5, [0.0, 1.0, 2.0]);

        // Q_reference(p) = 2p against 0.5 on (0, ½] and 1.5 on (½, 1]: four triangles of area 1/16, over std 0.5.
        Assert.Equal(0.5, Wasserstein.NormedDistance(reference, [1.5, 0.5]), 15);
    }

    [Fact]
    public void AgainstReference_PointMass_CountsTheWholeJumpAtTheValue()
    {
        // Half the reference is exactly 0, the rest spread over (0, 1]: a current sample of zeros sits at F = 1/2.
        var reference = new NumericReference(1000, 0.25, 0.3, [0.0, 0.0, 1.0]);

        Assert.Equal(0.5, KolmogorovSmirnov.AgainstReference(reference, [0.0, 0.0]).Statistic, 15);
    }

    [Theory]
    [MemberData(nameof(NumericCases))]
    public void AgainstReference_GeneratedSample_StaysWithinOneGridStepPlusOneOverNOfTheRawStatistic(string shape, int n, int m)
    {
        var (reference, current) = Samples(shape, n, m);

        var raw = KolmogorovSmirnov.TwoSample(reference, current);
        var profiled = KolmogorovSmirnov.AgainstReference(ReferenceOf(reference), current);

        Assert.InRange(profiled.Statistic - raw.Statistic, -(1.0 / Grid + 1.0 / n) - 1e-12, 1.0 / Grid + 1.0 / n + 1e-12);
        Assert.Equal(raw.PValue < 0.01, profiled.PValue < 0.01);
    }

    [Theory]
    [MemberData(nameof(NumericCases))]
    public void NormedDistance_GeneratedSample_StaysWithinTheRangeOverGridBound(string shape, int n, int m)
    {
        var (reference, current) = Samples(shape, n, m);
        var grid = ReferenceOf(reference);

        var raw = Wasserstein.NormedDistance(reference, current);
        var profiled = Wasserstein.NormedDistance(grid, current);

        var bound = (grid.Quantiles[^1] - grid.Quantiles[0]) / grid.PopulationStdDev * (1.0 / Grid + 1.0 / n);
        Assert.InRange(Math.Abs(profiled - raw), 0, bound);
        // Where distances are used (references above 1000 rows) the gap is a tenth of the 0.1 threshold at most.
        if (n > new MonitoringConfig().TestReferenceMaxRows) Assert.InRange(Math.Abs(profiled - raw), 0, 0.01);
    }

    [Theory]
    [InlineData(300, 0.0, false)]
    [InlineData(300, 0.6, true)]
    [InlineData(20_000, 0.0, false)]
    [InlineData(20_000, 0.6, true)]
    public void Detect_FromProfile_ChoosesTheSameTestsAndVerdictsAsRawRows(int n, double shift, bool drifts)
    {
        var reference = Table(n, 0, seed: 1);
        var current = Table(700, shift, seed: 2);
        string[] features = ["x", "k", "c", "b"];

        var raw = DriftDetector.Detect(reference, current, features, new MonitoringConfig());
        var profiled = DriftDetector.Detect(Profiler.Profile(reference).Reference(), current, features, new MonitoringConfig());

        Assert.Equal(raw.Features.Select(f => (f.Feature, f.Test, f.Threshold, f.Drifted)), profiled.Features.Select(f => (f.Feature, f.Test, f.Threshold, f.Drifted)));
        Assert.Equal((raw.ReferenceRows, raw.CurrentRows, raw.DatasetDrift), (profiled.ReferenceRows, profiled.CurrentRows, profiled.DatasetDrift));
        Assert.Equal(drifts, profiled.DatasetDrift);
        // Categories are counted exactly, so their statistics agree to rounding; numbers within the stated bounds.
        foreach (var (r, p) in raw.Features.Zip(profiled.Features))
        {
            var allowed = r.Feature is "c" or "b" ? 1e-9 : r.Test == "ks" ? 1.0 / Grid + 1.0 / n : 0.01;
            Assert.True(Math.Abs(r.Statistic - p.Statistic) <= allowed, $"{r.Feature} ({r.Test}): raw {r.Statistic:R}, profile {p.Statistic:R}");
        }
    }

    [Fact]
    public void Detect_TruncatedCategories_PoolsUnkeptValuesOnBothSides()
    {
        var random = new Random(5);
        string?[] values = [.. Enumerable.Range(0, 5000).Select(_ => random.Next(10) == 0 ? null : $"v{(int)Math.Floor(Math.Pow(random.NextDouble(), 3) * 400)}")];
        var reference = new DataTable([new TextColumn(new ColumnSpec("c", ColumnType.Text), values)]);
        var profile = Profiler.Profile(reference, new ProfileOptions(ReferenceCategories: 20)).Reference();
        var same = new DataTable([new TextColumn(new ColumnSpec("c", ColumnType.Text), values[..2000])]);
        var renamed = new DataTable([new TextColumn(new ColumnSpec("c", ColumnType.Text), [.. values[..2000].Select(v => v is null ? null : "new-" + v)])]);

        var config = new MonitoringConfig();
        var stable = Assert.Single(DriftDetector.Detect(profile, same, ["c"], config).Features);
        var moved = Assert.Single(DriftDetector.Detect(profile, renamed, ["c"], config).Features);

        Assert.True(profile.Columns["c"].Categories!.Truncated);
        Assert.Equal(("jensen_shannon", false), (stable.Test, stable.Drifted));
        Assert.Equal(("jensen_shannon", true), (moved.Test, moved.Drifted));
    }

    private static NumericReference ReferenceOf(double[] values) =>
        Profiler.Profile(new DataTable([new NumericColumn(new ColumnSpec("x", ColumnType.Real), values)])).Columns[0].Reference!.Numbers!;

    private static (double[] Reference, double[] Current) Samples(string shape, int n, int m)
    {
        var random = new Random(shape.Length * 1000 + n);
        var shifted = shape.EndsWith("-shifted", StringComparison.Ordinal) || shape == "shifted";
        double Draw(bool shift) => shape.Split('-')[0] switch
        {
            "normal" or "shifted" => Normal(random) * (shift ? 1.3 : 1) + (shift ? 0.4 : 0),
            "discrete" => Math.Round(Math.Abs(Normal(random)) * 3 + (shift ? 1 : 0)),
            _ => random.NextDouble() < (shift ? 0.7 : 0.9) ? 0 : Math.Round(Math.Exp(Normal(random) + 7)),
        };
        double[] reference = [.. Enumerable.Range(0, n).Select(i => i % 97 == 0 ? double.NaN : Draw(false))];
        double[] current = [.. Enumerable.Range(0, m).Select(_ => Draw(shifted))];
        return (reference, current);
    }

    // x: continuous; k: small whole numbers; c: five categories with some missing; b: two values.
    private static DataTable Table(int n, double shift, int seed)
    {
        var random = new Random(seed);
        string[] categories = ["red", "green", "blue", "teal", "gold"];
        return new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), [.. Enumerable.Range(0, n).Select(_ => Normal(random) + shift)]),
            new NumericColumn(new ColumnSpec("k", ColumnType.Integer), [.. Enumerable.Range(0, n).Select(_ => (double)random.Next(0, 8 + (int)(shift * 10)))]),
            new TextColumn(new ColumnSpec("c", ColumnType.Text), [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.05 ? null : categories[Math.Min(4, (int)(random.NextDouble() * (5 - shift * 5)))])]),
            new TextColumn(new ColumnSpec("b", ColumnType.Text), [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3 + shift / 2 ? "yes" : "no")]),
        ]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

using Recur.Features.Windows;

namespace Recur.Tests.Features.Windows;

/// <summary>The incremental state against a brute-force recomputation over the same events.</summary>
public sealed class WindowStateTests
{
    private const long Minute = TimeSpan.TicksPerMinute;

    [Fact]
    public void Advance_TimeWindow_HoldsTheHalfOpenInterval()
    {
        var state = new WindowState(WindowSize.Parse("10m", "over"));
        state.Add(0, 1);
        state.Add(5 * Minute, 2);
        state.Add(10 * Minute, 3);

        state.Advance(10 * Minute);

        // (0, 10m]: the event at 0 has left, the one at exactly 10m is in.
        var w = state.Read();
        Assert.Equal((2L, 5.0, 2.0, 3.0), (w.Count, w.Sum, w.Min, w.Max));
    }

    [Fact]
    public void Add_EventWindow_KeepsTheNewestEvents()
    {
        var state = new WindowState(WindowSize.Parse("3 events", "over"));
        foreach (var v in new[] { 5.0, 1, 9, 2, 7 }) state.Add(0, v);

        var w = state.Read();

        Assert.Equal((3L, 18.0, 2.0, 9.0, 6.0), (w.Count, w.Sum, w.Min, w.Max, w.Mean));
    }

    [Fact]
    public void Add_MissingValue_IsNotCounted()
    {
        var state = new WindowState(WindowSize.Parse("3 events", "over"));
        state.Add(0, 1);
        state.Add(0, double.NaN);

        Assert.Equal(1, state.Read().Count);
    }

    [Fact]
    public void Read_Empty_GivesZeroCountAndMissingMoments()
    {
        var w = new WindowState(WindowSize.Parse("1h", "over")).Read();

        Assert.Equal(0, w.Count);
        Assert.True(double.IsNaN(w.Mean) && double.IsNaN(w.StdDev) && double.IsNaN(w.Min) && double.IsNaN(w.Max));
    }

    [Theory]
    [InlineData("45m")]
    [InlineData("17 events")]
    public void Read_RandomStream_MatchesBruteForce(string over)
    {
        var size = WindowSize.Parse(over, "over");
        var state = new WindowState(size);
        var random = new Random(7);
        var events = new List<(long Time, double Value)>();
        long time = 0;
        for (var i = 0; i < 5000; i++)
        {
            time += random.Next(0, 4) * Minute;
            state.Advance(time);
            var inside = size.IsTime ? events.Where(e => e.Time > time - size.Amount).ToList() : events.TakeLast((int)size.Amount).ToList();
            var w = state.Read();
            Assert.Equal(inside.Count, w.Count);
            if (inside.Count > 1)
            {
                var values = inside.Select(e => e.Value).ToList();
                var mean = values.Average();
                Assert.Equal(mean, w.Mean, 9);
                Assert.Equal(Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)), w.StdDev, 9);
                Assert.Equal((values.Min(), values.Max()), (w.Min, w.Max));
            }
            var value = 1000 + random.NextDouble() * 10;
            state.Add(time, value);
            events.Add((time, value));
        }
    }
}

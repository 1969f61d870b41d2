using Recur.Core;
using Recur.Core.Serving;
using Recur.Monitoring.Live;

namespace Recur.Tests.Monitoring.Live;

public sealed class PerformanceWindowTests
{
    private static readonly DateTimeOffset Day = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);

    private static PredictionRecord At(DateTimeOffset t, int version = 1, string key = "k") => new(key, "m", version, t, "{}", "no", 0.1);

    [Fact]
    public void Cut_DayWindows_AlignToMidnightUtcPerVersion()
    {
        var logged = new[] { At(Day.AddHours(23)), At(Day.AddHours(25)), At(Day.AddHours(1)), At(Day.AddHours(2), version: 2) };

        var slices = PerformanceWindow.Parse("1d").Cut(logged);

        Assert.Equal([(1, Day, 2), (1, Day.AddDays(1), 1), (2, Day, 1)], slices.Select(s => (s.Version, s.Start, s.Rows.Count)));
        Assert.Equal(Day.AddDays(1), slices[0].End);
    }

    [Fact]
    public void Cut_BlocksOfN_AreConsecutivePredictionsInTimeOrder()
    {
        var logged = Enumerable.Range(0, 7).Select(i => At(Day.AddMinutes(6 - i), key: $"k{6 - i}")).ToList();

        var slices = PerformanceWindow.Parse("3").Cut(logged);

        Assert.Equal([3, 3, 1], slices.Select(s => s.Rows.Count));
        Assert.Equal(["k0", "k1", "k2"], slices[0].Rows.Select(r => r.Key));
    }

    [Fact]
    public void Cut_All_IsOneWindowPerVersion() =>
        Assert.Single(PerformanceWindow.All.Cut([At(Day), At(Day.AddDays(40))]));

    [Theory]
    [InlineData("0")]
    [InlineData("1 day")]
    [InlineData("")]
    public void Parse_NotAWindow_NamesTheOption(string text)
    {
        var e = Assert.Throws<RecurException>(() => PerformanceWindow.Parse(text));

        Assert.Equal("--window", e.Field);
    }
}

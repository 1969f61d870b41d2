using Recur.Core;
using Recur.Features.Windows;

namespace Recur.Tests.Features.Windows;

public sealed class WindowSizeTests
{
    [Theory]
    [InlineData("30s", WindowUnit.Time, 30 * TimeSpan.TicksPerSecond)]
    [InlineData("15m", WindowUnit.Time, 15 * TimeSpan.TicksPerMinute)]
    [InlineData("1.5h", WindowUnit.Time, 90 * TimeSpan.TicksPerMinute)]
    [InlineData("7d", WindowUnit.Time, 7 * TimeSpan.TicksPerDay)]
    [InlineData("50 events", WindowUnit.Events, 50)]
    [InlineData("1 event", WindowUnit.Events, 1)]
    public void Parse_Length_ReadsUnitAndAmount(string text, WindowUnit unit, long amount)
    {
        Assert.Equal(new WindowSize(unit, amount), WindowSize.Parse(text, "over"));
    }

    [Theory]
    [InlineData("0m", "must be a positive length of time")]
    [InlineData("-5 events", "must be a positive number of events")]
    [InlineData("5 weeks", "is not a window length")]
    [InlineData("", "is missing")]
    public void Parse_BadLength_FailsNamingTheKey(string text, string message)
    {
        var e = Assert.Throws<RecurException>(() => WindowSize.Parse(text, "features.windows.features[2].over"));

        Assert.Equal("features.windows.features[2].over", e.Field);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void ToString_Lengths_SpellsThemAsWritten()
    {
        Assert.Equal(("1h", "90m", "50 events"), (WindowSize.Parse("60m", "k").ToString(), WindowSize.Parse("1.5h", "k").ToString(), WindowSize.Parse("50 events", "k").ToString()));
    }
}

using System.Globalization;
using Recur.Features.Windows;

namespace Recur.Tests.Features.Windows;

public sealed class WindowTimeTests
{
    [Theory]
    [InlineData("2014-03-09 03:00:00")]
    [InlineData("2014-02-26 13:45:00.000000")]
    [InlineData("2024-02-29T23:59:59.1234567")]
    [InlineData("2024-05-01T10:20:00Z")]
    [InlineData("2024-05-01 10:20")]
    public void Parse_DateTimeText_AgreesWithDateTimeParse(string text)
    {
        var expected = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks;

        Assert.Equal(expected, WindowTime.Parse(text));
    }

    [Theory]
    [InlineData("2023-02-29 00:00:00")]
    [InlineData("2023-13-01 00:00:00")]
    [InlineData("yesterday")]
    public void Parse_NotADate_IsNull(string text)
    {
        Assert.Null(WindowTime.Parse(text));
    }
}

using System.Globalization;
using System.Text;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

public sealed class NumberTextTests
{
    // The reference: what the framework parsers say about the same text.
    private static (NumberKind Kind, double Value) Reference(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return (NumberKind.Integer, l);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return (NumberKind.Real, d);
        return (NumberKind.Other, double.NaN);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+17")]
    [InlineData("007")]
    [InlineData("9223372036854775807")]
    [InlineData("9223372036854775808")]
    [InlineData("-0.0")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("-.25")]
    [InlineData("1e5")]
    [InlineData("0.1")]
    [InlineData("123456789012345.6")]
    [InlineData("0.000000000000000000000001")]
    [InlineData("1,234")]
    [InlineData("3,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("12a")]
    [InlineData("c3_21")]
    public void Classify_EdgeCases_AgreeWithTheFrameworkParsers(string text)
    {
        var kind = NumberText.Classify(Encoding.UTF8.GetBytes(text), out var value);

        var (expectedKind, expectedValue) = Reference(text);
        Assert.Equal(expectedKind, kind);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expectedValue), BitConverter.DoubleToInt64Bits(value));
    }

    [Fact]
    public void Classify_RandomDecimals_AreBitIdenticalToDoubleParse()
    {
        var random = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            var digits = random.Next(1, 18);
            var whole = random.NextInt64((long)Math.Pow(10, Math.Min(digits, 15)));
            var scale = random.Next(0, 19);
            var text = (random.Next(2) == 0 ? "-" : "") + (scale == 0 ? whole.ToString(CultureInfo.InvariantCulture)
                : (whole / Math.Pow(10, scale)).ToString("F" + scale, CultureInfo.InvariantCulture));

            var kind = NumberText.Classify(Encoding.UTF8.GetBytes(text), out var value);

            var (expectedKind, expectedValue) = Reference(text);
            Assert.True(expectedKind == kind, text);
            Assert.True(BitConverter.DoubleToInt64Bits(expectedValue) == BitConverter.DoubleToInt64Bits(value), text);
        }
    }
}

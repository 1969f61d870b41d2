using Recur.Core.Data;
using static Recur.Tests.Features.FeatureTables;

namespace Recur.Tests.Features.Transforms;

/// <summary>datetime: the parts of ISO 8601 texts; an unparseable value is missing in every part.</summary>
public sealed class DatePartsTests
{
    private static double[][] Parts(params string?[] values)
    {
        var fitted = Fit("datetime", [Text("at", "2024-01-01")]);
        return [.. fitted.Apply([Text("at", values)]).Select(c => ((NumericColumn)c).Values)];
    }

    [Fact]
    public void Outputs_Always_NameFiveParts()
    {
        var fitted = Fit("datetime", [Text("at", "2024-01-01")]);

        Assert.Equal(["at:year", "at:month", "at:day", "at:weekday", "at:hour"], fitted.Outputs().Select(o => o.Name));
    }

    [Theory]
    [InlineData("2024-03-15T13:45:00Z", 2024, 3, 15, 5, 13)]   // a Friday
    [InlineData("2024-03-15", 2024, 3, 15, 5, 0)]
    [InlineData("2023-12-31T23:00:00", 2023, 12, 31, 0, 23)]  // a Sunday, no zone: kept as written
    [InlineData("2024-03-15T01:30:00+02:00", 2024, 3, 14, 4, 23)] // an offset: turned into UTC
    public void Apply_IsoText_SplitsIntoParts(string text, double year, double month, double day, double weekday, double hour)
    {
        var parts = Parts(text);

        Assert.Equal(new[] { year, month, day, weekday, hour }, parts.Select(p => p[0]));
    }

    [Theory]
    [InlineData("not a date")]
    [InlineData("2024-13-45")]
    [InlineData(null)]
    public void Apply_UnparseableOrMissing_GivesNaNInEveryPart(string? text)
    {
        Assert.All(Parts("2024-01-01", text), p => Assert.True(double.IsNaN(p[1])));
    }
}

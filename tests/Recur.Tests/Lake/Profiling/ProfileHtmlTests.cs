using Recur.Core.Data;
using Recur.Lake.Profiling;

namespace Recur.Tests.Lake.Profiling;

public sealed class ProfileHtmlTests
{
    private static readonly DataTable Table = new([
        new NumericColumn(new ColumnSpec("age", ColumnType.Integer), [31, 45, double.NaN, 31, 60]),
        new NumericColumn(new ColumnSpec("income", ColumnType.Real), [1200.5, 980.25, 4100, double.NaN, 2500]),
        new TextColumn(new ColumnSpec("city", ColumnType.Text), ["Oslo", "<script>alert(1)</script>", null, "", "Oslo"]),
        new TextColumn(new ColumnSpec("nothing", ColumnType.Text), [null, null, null, null, null]),
    ]);

    private static readonly string Html = ProfileHtml.Render(Profiler.Profile(Table), "Profile of <adult> & co");

    [Fact]
    public void Render_Profile_NamesEveryColumn()
    {
        foreach (var column in Table.Columns) Assert.Contains(column.Name, Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ValueWithMarkup_EncodesIt()
    {
        Assert.DoesNotContain("<script>", Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", Html, StringComparison.Ordinal);
        Assert.Contains("Profile of &lt;adult&gt; &amp; co", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Profile_DrawsInlineSvgCharts()
    {
        Assert.Contains("<svg", Html, StringComparison.Ordinal);
        Assert.Contains("histogram", Html, StringComparison.Ordinal);
        Assert.Contains("most frequent values", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Profile_IsSelfContained()
    {
        Assert.StartsWith("<!DOCTYPE html>", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FewWholeNumbers_LabelsEachBarWithItsValue()
    {
        var table = new DataTable([new NumericColumn(new ColumnSpec("rooms", ColumnType.Integer), [1, 4, 1, 6, 2])]);

        var html = ProfileHtml.Render(Profiler.Profile(table), "rooms");

        foreach (var value in new[] { "1", "2", "3", "4", "5", "6" }) Assert.Contains($">{value}<title>{value}</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NumericColumn_ShowsTheQuantiles()
    {
        Assert.Contains("<th>median</th>", Html, StringComparison.Ordinal);
        Assert.Contains("<th>p99</th>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Profile_SaysWhatTheDriftReferenceKeeps()
    {
        Assert.Contains("<th>drift reference</th><td>1,001 quantiles, min to max</td>", Html, StringComparison.Ordinal);
        Assert.Contains("<th>drift reference</th><td>counts of all", Html, StringComparison.Ordinal);
    }
}

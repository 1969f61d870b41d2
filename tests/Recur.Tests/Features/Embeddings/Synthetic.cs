using Recur.Core.Data;

namespace Recur.Tests.Features.Embeddings;

/// <summary>Tables where two groups of values keep different company, so their embeddings should separate.</summary>
internal static class Synthetic
{
    public static readonly string[] GroupA = ["a1", "a2", "a3", "a4"];
    public static readonly string[] GroupB = ["b1", "b2", "b3", "b4"];

    /// <summary>Group A rows are mostly label yes and colour red or orange; group B mostly no and blue or green.</summary>
    public static DataTable Groups()
    {
        var values = new List<string?>();
        var labels = new List<string?>();
        var colours = new List<string?>();
        var sizes = new List<double>();
        for (var i = 0; i < 400; i++)
        {
            var a = i % 2 == 0;
            values.Add(a ? GroupA[i / 2 % 4] : GroupB[i / 2 % 4]);
            labels.Add(a == (i % 7 != 0) ? "yes" : "no");
            colours.Add(a ? (i % 3 == 0 ? "orange" : "red") : (i % 3 == 0 ? "green" : "blue"));
            sizes.Add(a ? i % 10 : 10 + i % 10);
        }
        values.Add("rare");
        labels.Add("yes");
        colours.Add("red");
        sizes.Add(1);
        return new DataTable([Text("item", values), Text("y", labels), Text("colour", colours), new NumericColumn(new ColumnSpec("size", ColumnType.Real), [.. sizes])]);
    }

    public static TextColumn Text(string name, IEnumerable<string?> values) => new(new ColumnSpec(name, ColumnType.Text), [.. values]);
}

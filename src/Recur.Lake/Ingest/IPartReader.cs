namespace Recur.Lake.Ingest;

/// <summary>
/// Reads one part of a source (a file, or stdin) as batches of untyped fields. A part knows its own
/// column names as soon as it is open; the source then tells it where they sit among all the source's
/// columns, and which columns are constant for it (partition folders).
/// </summary>
internal interface IPartReader : IDisposable
{
    /// <summary>The part's column names, in order.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Sets where the part's columns go; called once, before <see cref="Next"/>.</summary>
    void Layout(PartLayout layout);

    /// <summary>The next batch, or null at the end.</summary>
    FieldBatch? Next();

    /// <summary>Where the part's lines went, complete once <see cref="Next"/> has returned null; null for sources that are not line-based text.</summary>
    PartLines? Lines => null;
}

/// <summary>
/// How a part's columns map onto the source's: <see cref="Map"/>[i] is the source column of the part's
/// i-th field; <see cref="Absent"/> lists source columns the part lacks (missing in its rows);
/// <see cref="Constants"/> gives the values of partition columns.
/// </summary>
internal sealed record PartLayout(int Width, int Capacity, int[] Map, int[] Absent, IReadOnlyList<(int Column, string Value)> Constants)
{
    /// <summary>Rows per batch: about two million fields, between 256 and 65,536 rows.</summary>
    public static int CapacityFor(int width) => Math.Clamp((1 << 21) / Math.Max(1, width), 256, 1 << 16);
}

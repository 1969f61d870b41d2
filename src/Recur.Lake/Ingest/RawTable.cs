using Recur.Core.Lake;

namespace Recur.Lake.Ingest;

/// <summary>
/// A row as read from a source, before typing: where it came from and its values (null = missing).
/// <paramref name="Raw"/> is kept only when cheap; quarantine rebuilds the text from the values otherwise.
/// </summary>
public sealed record RawRow(string Source, long Line, string? Raw, string?[] Values);

/// <summary>
/// What a reader produced: column names, untyped rows and the rows it could not read at all.
/// Typing happens in <see cref="BatchTyper"/>, as for every other format.
/// </summary>
public sealed class RawTable(IReadOnlyList<string> names)
{
    /// <summary>Column names, in order.</summary>
    public List<string> Names { get; } = [.. names];

    /// <summary>The readable rows.</summary>
    public List<RawRow> Rows { get; } = [];

    /// <summary>Rows set aside by the reader, with their reasons.</summary>
    public List<QuarantinedRow> Quarantined { get; } = [];
}

namespace Recur.Lake.Ingest;

/// <summary>A line reader that can look at the first lines (to detect the delimiter) and still hand them out.</summary>
public sealed class LookaheadReader(TextReader inner) : TextReader
{
    private readonly Queue<string> _peeked = new();

    /// <summary>Up to <paramref name="count"/> lines after the first <paramref name="skip"/>, without consuming them.</summary>
    public IReadOnlyList<string> Peek(int skip, int count)
    {
        while (_peeked.Count < skip + count && inner.ReadLine() is { } line) _peeked.Enqueue(line);
        return _peeked.Skip(skip).Take(count).ToList();
    }

    /// <inheritdoc />
    public override string? ReadLine() => _peeked.Count > 0 ? _peeked.Dequeue() : inner.ReadLine();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

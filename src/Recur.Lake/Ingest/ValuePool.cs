namespace Recur.Lake.Ingest;

/// <summary>
/// Shares one string instance per distinct value of a column while the column looks categorical, so a
/// million rows of a 50-value column hold 50 strings, not a million. Gives up once a column shows more
/// than <see cref="MaxDistinct"/> values (ids, free text, numbers), where sharing would only cost lookups.
/// </summary>
internal sealed class ValuePool
{
    private const int MaxDistinct = 4096;
    private Dictionary<string, string>? _values = new(StringComparer.Ordinal);

    public string Share(string value)
    {
        if (_values is null) return value;
        if (_values.TryGetValue(value, out var shared)) return shared;
        if (_values.Count >= MaxDistinct) { _values = null; return value; }
        _values[value] = value;
        return value;
    }
}

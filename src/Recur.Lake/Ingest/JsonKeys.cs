using System.Text;

namespace Recur.Lake.Ingest;

/// <summary>
/// The top-level keys of a JSON Lines part, in order of first appearance, found from their UTF-8
/// bytes. Rows usually repeat the previous row's key order, so the key at each position is first
/// compared with the one there last time; only a different key costs a dictionary look-up.
/// </summary>
internal sealed class JsonKeys
{
    private readonly List<string> _names = [];
    private readonly List<byte[]> _utf8 = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<int> _lastOrder = [];
    private char[] _chars = new char[64];

    public JsonKeys(IEnumerable<string>? names = null)
    {
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var name in names ?? []) Add(Encoding.UTF8.GetBytes(name));
    }

    /// <summary>The keys, in order of first appearance.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The key's column, or -1 when it is new; <paramref name="position"/> is its place in the row.</summary>
    public int Find(ReadOnlySpan<byte> key, int position)
    {
        if (position < _lastOrder.Count && _lastOrder[position] is var guess and >= 0 && _utf8[guess].AsSpan().SequenceEqual(key)) return guess;
        if (_chars.Length < key.Length) _chars = new char[key.Length * 2];
        var count = Encoding.UTF8.GetChars(key, _chars);
        var column = _lookup.TryGetValue(_chars.AsSpan(0, count), out var found) ? found : -1;
        while (_lastOrder.Count <= position) _lastOrder.Add(-1);
        _lastOrder[position] = column;
        return column;
    }

    /// <summary>Adds a key unless present; returns its column.</summary>
    public int Add(ReadOnlySpan<byte> key)
    {
        var name = Encoding.UTF8.GetString(key);
        if (_index.TryGetValue(name, out var column)) return column;
        _index[name] = _names.Count;
        _names.Add(name);
        _utf8.Add(key.ToArray());
        return _names.Count - 1;
    }
}

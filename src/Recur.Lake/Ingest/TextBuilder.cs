using System.Text;

namespace Recur.Lake.Ingest;

/// <summary>
/// Collects one batch of a text column as interner codes while every value has one, and as strings
/// from the first value that has none (too long, too many distinct values, or recoded): the rows
/// coded so far are then turned into strings. Codes are what the snapshot hash and the Parquet
/// writer need; strings are made only when a consumer asks for them.
/// </summary>
internal sealed class TextBuilder
{
    private readonly Utf8Interner _interner;
    private int[]? _codes;
    private string?[]? _texts;

    public TextBuilder(int rows, bool coded, Utf8Interner interner)
    {
        _interner = interner;
        if (coded) _codes = new int[rows];
        else _texts = new string?[rows];
    }

    /// <summary>Row <paramref name="r"/> is missing.</summary>
    public void Missing(int r)
    {
        if (_codes is not null) _codes[r] = -1;
    }

    /// <summary>Row <paramref name="r"/> holds a value that has no code (a recoded one).</summary>
    public void Set(int r, string value)
    {
        ToStrings(r);
        _texts![r] = value;
    }

    /// <summary>Row <paramref name="r"/> holds these bytes; returns their code, or -1 when the interner does not remember them.</summary>
    public int Intern(int r, ReadOnlySpan<byte> utf8)
    {
        var code = _interner.Code(utf8);
        if (code >= 0 && _codes is not null) _codes[r] = code;
        else
        {
            ToStrings(r);
            _texts![r] = code >= 0 ? _interner.Values[code] : Encoding.UTF8.GetString(utf8);
        }
        return code;
    }

    /// <summary>The batch's column: codes with their strings, or strings.</summary>
    public ColumnChunk Chunk(List<(int, string)> failures) => _codes is not null
        // The interner's tables are read after this batch's codes were issued, so they cover every code.
        ? new ColumnChunk(null, null, failures, new CodedText(_codes, _interner.Utf8, _interner.Values))
        : new ColumnChunk(null, _texts, failures);

    // From row r on, values are kept as strings: the rows before it become strings too.
    private void ToStrings(int r)
    {
        if (_codes is null) return;
        var values = _interner.Values;
        _texts = new string?[_codes.Length];
        for (var i = 0; i < r; i++) _texts[i] = _codes[i] < 0 ? null : values[_codes[i]];
        _codes = null;
    }
}

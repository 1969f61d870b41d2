namespace Recur.Features.Text;

/// <summary>
/// Splits one text into the terms TF-IDF counts: the text is cut to a length limit, lower-cased, and split into
/// tokens (runs of letters, digits and '_' of at least two characters, as scikit-learn's default pattern); stop words
/// are dropped; the terms are the word n-grams of 1..<see cref="WordNgrams"/> tokens (joined by a space) and, when
/// <see cref="CharNgrams"/> is set, the character n-grams of that length inside each space-padded token, written with a
/// leading '~'. Reuses its buffers: not thread-safe, one per thread.
/// </summary>
internal sealed class TermCounter(int wordNgrams, int charNgrams, bool stopWords, int maxLength)
{
    private char[] _text = new char[256];
    private char[] _term = new char[256];
    private readonly List<(int Start, int Length)> _tokens = [];
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stop = StopWords.English.GetAlternateLookup<ReadOnlySpan<char>>();

    public int WordNgrams => wordNgrams;

    public int CharNgrams => charNgrams;

    /// <summary>Calls <paramref name="term"/> for every term of <paramref name="text"/>, in order (repeats included).</summary>
    public void Terms<TState>(string text, ref TState state, TermAction<TState> term)
    {
        var length = Math.Min(text.Length, maxLength);
        if (_text.Length < length) _text = new char[Math.Max(length, _text.Length * 2)];
        var lower = _text.AsSpan(0, length);
        text.AsSpan(0, length).ToLowerInvariant(lower);
        _tokens.Clear();
        var start = -1;
        for (var i = 0; i <= length; i++)
        {
            var word = i < length && (char.IsLetterOrDigit(lower[i]) || lower[i] == '_');
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                if (i - start >= 2 && !(stopWords && _stop.Contains(lower[start..i]))) _tokens.Add((start, i - start));
                start = -1;
            }
        }
        for (var t = 0; t < _tokens.Count; t++)
        {
            var size = 0;
            for (var n = 1; n <= wordNgrams && t + n <= _tokens.Count; n++)
            {
                var (s, l) = _tokens[t + n - 1];
                Ensure(size + l + 1);
                if (n > 1) _term[size++] = ' ';
                lower.Slice(s, l).CopyTo(_term.AsSpan(size));
                size += l;
                term(ref state, _term.AsSpan(0, size));
            }
            if (charNgrams > 0) CharGrams(lower.Slice(_tokens[t].Start, _tokens[t].Length), ref state, term);
        }
    }

    private void CharGrams<TState>(ReadOnlySpan<char> token, ref TState state, TermAction<TState> term)
    {
        // "~" + n characters of " token ".
        Ensure(token.Length + 3);
        var padded = _term.AsSpan(1, token.Length + 2);
        padded[0] = ' ';
        token.CopyTo(padded[1..]);
        padded[^1] = ' ';
        Span<char> gram = stackalloc char[charNgrams + 1];
        gram[0] = '~';
        for (var i = 0; i + charNgrams <= padded.Length; i++)
        {
            padded.Slice(i, charNgrams).CopyTo(gram[1..]);
            term(ref state, gram);
        }
    }

    private void Ensure(int size)
    {
        if (_term.Length < size) Array.Resize(ref _term, Math.Max(size, _term.Length * 2));
    }
}

/// <summary>Receives one term.</summary>
internal delegate void TermAction<TState>(ref TState state, ReadOnlySpan<char> term);

using System.Globalization;
using Recur.Core.Data;
using Recur.Features.Internal;
using Recur.Features.Text;

namespace Recur.Features.Transforms;

/// <summary>
/// TF-IDF of a free-text column: terms from <see cref="TermCounter"/> (normalised words, word n-grams, optional
/// character n-grams and stop words), a vocabulary of the <c>max_terms</c> terms in the most training documents (at
/// least <c>min_df</c>), the smoothed inverse document frequency ln((1 + n) / (1 + df)) + 1, term frequency 1 + ln(count)
/// (sublinear, the default) or the count, and each row scaled to unit length. One real column per term, named
/// <c>NAME:tfidf:TERM</c>. Texts longer than <c>max_length</c> characters are cut, never refused.
/// </summary>
public sealed class Tfidf : ITransform
{
    /// <inheritdoc />
    public string Name => "tfidf";
    /// <inheritdoc />
    public string Summary => "TF-IDF of words, word n-grams and character n-grams";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Text;
    /// <inheritdoc />
    public bool Combines => false;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters =>
    [
        TransformParameter.Whole("word_ngrams", "longest word n-gram (1: single words)", 1, 1, 4),
        TransformParameter.Whole("char_ngrams", "length of character n-grams inside words (0: none)", 0, 0, 8),
        TransformParameter.Choice("stop_words", "drop common English function words", "none", "none", "english"),
        TransformParameter.Whole("max_terms", "most terms kept, those in the most training documents first", 1000, 1, 100_000),
        TransformParameter.Whole("min_df", "fewest training documents a term must occur in", 2, 1, 1_000_000),
        TransformParameter.Flag("sublinear", "term frequency 1 + ln(count) instead of the count", true),
        TransformParameter.Whole("max_length", "characters read from each text; the rest is cut", 10_000, 1, 10_000_000),
    ];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output)
    {
        var fitted = new Fitted
        {
            Inputs = [inputs[0].Name], WordNgrams = settings.Int("word_ngrams"), CharNgrams = settings.Int("char_ngrams"),
            StopWords = settings.Text("stop_words") == "english", Sublinear = settings.Flag("sublinear"), MaxLength = settings.Int("max_length"),
        };
        var texts = ((TextColumn)inputs[0]).Values;
        var counter = fitted.Counter();
        var state = new DocumentFrequency();
        foreach (var text in texts)
        {
            if (text is null) continue;
            state.Document++;
            counter.Terms(text, ref state, static (ref DocumentFrequency s, ReadOnlySpan<char> term) => s.Count(term));
        }
        var minimum = settings.Int("min_df");
        var kept = state.Frequencies().Where(p => p.Df >= minimum).OrderByDescending(p => p.Df).ThenBy(p => p.Term, StringComparer.Ordinal)
            .Take(settings.Int("max_terms")).OrderBy(p => p.Term, StringComparer.Ordinal).ToList();
        fitted.Terms = [.. kept.Select(p => p.Term)];
        fitted.Idf = [.. kept.Select(p => Math.Log((1.0 + state.Document) / (1.0 + p.Df)) + 1)];
        fitted.Documents = state.Document;
        return fitted;
    }

    /// <summary>The vocabulary, its inverse document frequencies and the text settings.</summary>
    public sealed class Fitted : FittedTransform
    {
        private Dictionary<string, int>? _index;

        /// <summary>Longest word n-gram.</summary>
        public int WordNgrams { get; set; } = 1;
        /// <summary>Character n-gram length (0: none).</summary>
        public int CharNgrams { get; set; }
        /// <summary>Whether English stop words are dropped.</summary>
        public bool StopWords { get; set; }
        /// <summary>Whether term frequency is 1 + ln(count).</summary>
        public bool Sublinear { get; set; } = true;
        /// <summary>Characters read from each text.</summary>
        public int MaxLength { get; set; } = 10_000;
        /// <summary>Training documents (non-missing texts).</summary>
        public int Documents { get; set; }
        /// <summary>The vocabulary, sorted.</summary>
        public List<string> Terms { get; set; } = [];
        /// <summary>Each term's inverse document frequency.</summary>
        public List<double> Idf { get; set; } = [];

        internal TermCounter Counter() => new(WordNgrams, CharNgrams, StopWords, MaxLength);

        /// <summary>The output column of a term.</summary>
        public string ColumnOf(string term) => $"{Inputs[0]}:tfidf:{term}";

        /// <inheritdoc />
        public override IReadOnlyList<ColumnSpec> Outputs() => [.. Terms.Select(t => new ColumnSpec(ColumnOf(t), ColumnType.Real))];

        /// <inheritdoc />
        public override IReadOnlyList<DataColumn> Apply(IReadOnlyList<DataColumn> inputs)
        {
            var index = _index ??= Terms.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
            var texts = ((TextColumn)inputs[0]).Values;
            var columns = new double[Terms.Count][];
            for (var t = 0; t < columns.Length; t++) columns[t] = new double[texts.Length];
            var state = new RowCounts(index.GetAlternateLookup<ReadOnlySpan<char>>());
            var counter = Counter();
            for (var r = 0; r < texts.Length; r++)
            {
                if (texts[r] is not { } text) continue;
                state.Touched.Clear();
                counter.Terms(text, ref state, static (ref RowCounts s, ReadOnlySpan<char> term) => s.Add(term));
                double norm = 0;
                foreach (var (term, count) in state.Touched)
                {
                    var weight = (Sublinear ? 1 + Math.Log(count) : count) * Idf[term];
                    columns[term][r] = weight;
                    norm += weight * weight;
                }
                if (norm == 0) continue;
                var scale = 1 / Math.Sqrt(norm);
                foreach (var term in state.Touched.Keys) columns[term][r] *= scale;
            }
            return [.. columns.Select((values, t) => Columns.Real(ColumnOf(Terms[t]), values))];
        }

        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() =>
        [
            new("terms", Terms.Count.ToString(CultureInfo.InvariantCulture)),
            new("training documents", Documents.ToString(CultureInfo.InvariantCulture)),
            new("word n-grams", $"1..{WordNgrams}"),
            new("character n-grams", CharNgrams == 0 ? "none" : CharNgrams.ToString(CultureInfo.InvariantCulture)),
            new("stop words", StopWords ? "english" : "none"),
            new("tf", Sublinear ? "1 + ln(count)" : "count"),
            new("max length", MaxLength.ToString(CultureInfo.InvariantCulture)),
            new("first terms", string.Join(", ", Terms.Take(8))),
        ];

        // One row's term counts, by vocabulary index.
        private struct RowCounts(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> index)
        {
            public readonly Dictionary<int, int> Touched = [];

            public readonly void Add(ReadOnlySpan<char> term)
            {
                if (index.TryGetValue(term, out var i)) Touched[i] = Touched.GetValueOrDefault(i) + 1;
            }
        }
    }

    // Document frequencies over the training texts, each term counted once per document.
    private sealed class DocumentFrequency
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _terms = [];
        private readonly List<int> _df = [];
        private readonly List<int> _lastDocument = [];

        public int Document { get; set; }

        public void Count(ReadOnlySpan<char> term)
        {
            var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(term, out var id))
            {
                id = _terms.Count;
                var text = term.ToString();
                _ids[text] = id;
                _terms.Add(text);
                _df.Add(0);
                _lastDocument.Add(-1);
            }
            if (_lastDocument[id] == Document) return;
            _lastDocument[id] = Document;
            _df[id]++;
        }

        public IEnumerable<(string Term, int Df)> Frequencies() => _terms.Select((t, i) => (t, _df[i]));
    }
}

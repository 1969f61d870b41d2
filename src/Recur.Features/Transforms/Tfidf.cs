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
        var state = new DocumentFrequency(texts.Length);
        for (var r = 0; r < texts.Length; r++)
        {
            state.Starts[r] = state.Stream.Count;
            if (texts[r] is not { } text) continue;
            state.Document++;
            counter.Terms(text, ref state, static (ref DocumentFrequency s, ReadOnlySpan<char> term) => s.Count(term));
        }
        state.Starts[texts.Length] = state.Stream.Count;
        var minimum = settings.Int("min_df");
        var kept = state.Frequencies().Where(p => p.Df >= minimum).OrderByDescending(p => p.Df).ThenBy(p => p.Term, StringComparer.Ordinal)
            .Take(settings.Int("max_terms")).OrderBy(p => p.Term, StringComparer.Ordinal).ToList();
        fitted.Terms = [.. kept.Select(p => p.Term)];
        fitted.Idf = [.. kept.Select(p => Math.Log((1.0 + state.Document) / (1.0 + p.Df)) + 1)];
        fitted.Documents = state.Document;
        // The training texts' terms were read once already: the step's output on these very rows is computed from them
        // rather than by reading every text again (the same terms in the same order, so the same weights).
        var vocabulary = kept.Select((p, i) => (p.Term, i)).ToDictionary(p => p.Term, p => p.i, StringComparer.Ordinal);
        var keptIds = state.TermIds(vocabulary);
        fitted.Remember(inputs[0], texts.Length, (r, counts) =>
        {
            for (var i = state.Starts[r]; i < state.Starts[r + 1]; i++)
            {
                if (keptIds[state.Stream[i]] is var v and >= 0) counts.Add(v);
            }
        });
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

        /// <inheritdoc />
        public override bool UnitScaled => true;

        /// <summary>The output column of a term.</summary>
        public string ColumnOf(string term) => $"{Inputs[0]}:tfidf:{term}";

        /// <inheritdoc />
        public override IReadOnlyList<ColumnSpec> Outputs() => [.. Terms.Select(t => new ColumnSpec(ColumnOf(t), ColumnType.Real))];

        /// <inheritdoc />
        /// <remarks>
        /// Each term's column is sparse (<see cref="NumericColumn.Sparse"/>): a text has a handful of the vocabulary's
        /// terms, so only those entries are made; a reader that needs every row gets them filled in on first use.
        /// </remarks>
        public override IReadOnlyList<DataColumn> Apply(IReadOnlyList<DataColumn> inputs)
        {
            if (_training is { } training && ReferenceEquals(training.Column, inputs[0]))
            {
                _training = null;
                return Weights(training.Rows, training.Feed);
            }
            var index = _index ??= Terms.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
            var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
            var texts = ((TextColumn)inputs[0]).Values;
            var counter = Counter();
            TermAction<RowCounts> add = (ref RowCounts s, ReadOnlySpan<char> term) =>
            {
                if (lookup.TryGetValue(term, out var i)) s.Add(i);
            };
            return Weights(texts.Length, (r, counts) =>
            {
                if (texts[r] is { } text) counter.Terms(text, ref counts, add);
            });
        }

        // The training column and its terms, kept by Fit for the one Apply on the same column that follows it.
        private (DataColumn Column, int Rows, Action<int, RowCounts> Feed)? _training;

        internal void Remember(DataColumn column, int rows, Action<int, RowCounts> feed) => _training = (column, rows, feed);

        // The sparse TF-IDF columns of rows whose vocabulary indices feed() adds to a row's counts.
        private List<DataColumn> Weights(int rowCount, Action<int, RowCounts> feed)
        {
            var state = new RowCounts(Terms.Count);
            // The entries in row order: row, term, weight.
            var rows = new List<int>(rowCount * 4);
            var terms = new List<int>(rowCount * 4);
            var weights = new List<double>(rowCount * 4);
            var perTerm = new int[Terms.Count];
            for (var r = 0; r < rowCount; r++)
            {
                state.Reset();
                feed(r, state);
                if (state.Touched.Count == 0) continue;
                var first = weights.Count;
                double norm = 0;
                foreach (var term in state.Touched)
                {
                    var count = state.Counts[term];
                    var weight = (Sublinear ? 1 + Math.Log(count) : count) * Idf[term];
                    rows.Add(r);
                    terms.Add(term);
                    weights.Add(weight);
                    perTerm[term]++;
                    norm += weight * weight;
                }
                var scale = 1 / Math.Sqrt(norm);
                for (var i = first; i < weights.Count; i++) weights[i] *= scale;
            }
            // Grouped by term; each term's rows stay increasing because the rows were visited in order.
            var termRows = perTerm.Select(n => new int[n]).ToArray();
            var termValues = perTerm.Select(n => new double[n]).ToArray();
            var filled = new int[Terms.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var t = terms[i];
                termRows[t][filled[t]] = rows[i];
                termValues[t][filled[t]++] = weights[i];
            }
            return [.. Terms.Select((term, t) => (DataColumn)new NumericColumn(new ColumnSpec(ColumnOf(term), ColumnType.Real), rowCount, new SparseValues(termRows[t], termValues[t])))];
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

        // One row's term counts, by vocabulary index, with the terms in the order first seen.
        internal sealed class RowCounts(int terms)
        {
            public readonly int[] Counts = new int[terms];
            public readonly List<int> Touched = [];

            public void Add(int i)
            {
                if (Counts[i]++ == 0) Touched.Add(i);
            }

            public void Reset()
            {
                foreach (var i in Touched) Counts[i] = 0;
                Touched.Clear();
            }
        }
    }

    // Document frequencies over the training texts, each term counted once per document.
    // Also keeps every document's terms, as ids in reading order (Stream, from Starts[r] to Starts[r + 1]).
    private sealed class DocumentFrequency(int rows)
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _terms = [];
        private readonly List<int> _df = [];
        private readonly List<int> _lastDocument = [];

        public int Document { get; set; }

        public List<int> Stream { get; } = new(rows * 4);

        public int[] Starts { get; } = new int[rows + 1];

        /// <summary>Per term id, its index in the vocabulary, or -1.</summary>
        public int[] TermIds(Dictionary<string, int> vocabulary) => [.. _terms.Select(t => vocabulary.GetValueOrDefault(t, -1))];

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
            Stream.Add(id);
            if (_lastDocument[id] == Document) return;
            _lastDocument[id] = Document;
            _df[id]++;
        }

        public IEnumerable<(string Term, int Df)> Frequencies() => _terms.Select((t, i) => (t, _df[i]));
    }
}

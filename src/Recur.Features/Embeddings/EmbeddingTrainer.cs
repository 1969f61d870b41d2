using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Features.Embeddings.Internal;
using Recur.Features.Text;
using FeatureColumns = Recur.Features.Internal.Columns;

namespace Recur.Features.Embeddings;

/// <summary>
/// Learns dense vectors from the training rows alone, with no downloads: counts how often each value (or token)
/// occurs with each context, weighs the counts by positive PMI, and keeps the top <c>dimensions</c> singular
/// directions (vectors U·√S, scaled to unit length). For a categorical column the contexts of a row's value are the
/// label's class (or quantile bin) and the values (or quantile bins) of the row's other columns, so two values are
/// close when they occur with the same labels and the same neighbours; for text the contexts of a token are the
/// tokens within <c>window</c> of it. Deterministic: the same rows, options and seed give the same vectors.
/// </summary>
public static class EmbeddingTrainer
{
    /// <summary>Trains an embedding of <paramref name="column"/> (unnamed, version 0: <see cref="EmbeddingStore.Add"/> names it).</summary>
    /// <param name="train">The training rows.</param>
    /// <param name="column">The column to embed.</param>
    /// <param name="label">The label column, a context of categorical values (null or absent: none).</param>
    /// <param name="contexts">The other columns whose values are contexts of categorical values.</param>
    /// <param name="options">Dimensions, minimum count, window, seed…</param>
    public static EmbeddingArtifact Train(DataTable train, string column, string? label, IReadOnlyList<string> contexts, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem) throw RecurException.Invalid(problem, "options");
        if (!train.Has(column)) throw RecurException.Invalid($"no column '{column}' (columns: {string.Join(", ", train.Columns.Select(c => c.Name))})", "column");
        var target = train[column];
        if (options.Kind == EmbeddingKind.Tokens && target is not TextColumn) throw RecurException.Invalid($"column '{column}' holds numbers; token embeddings need text", "kind");
        var training = new Dictionary<string, string>(StringComparer.Ordinal);
        var (vocabulary, counts, contextCount) = options.Kind == EmbeddingKind.Tokens
            ? TokenCounts((TextColumn)target, options, training)
            : CategoryCounts(train, target, label, contexts, options, training);
        if (vocabulary.Count == 0) throw RecurException.Invalid($"column '{column}' has no value seen at least {options.MinCount} times in {train.RowCount} training rows", "column");

        var ppmi = Ppmi.Of(SparseMatrix.From(vocabulary.Count, contextCount, counts), options.Alpha);
        var svd = TruncatedSvd.Compute(ppmi, options.Dimensions, options.Seed);
        var k = svd.Values.Length;
        var vectors = new List<float[]>(vocabulary.Count);
        for (var r = 0; r < vocabulary.Count; r++)
        {
            var v = new double[k];
            for (var j = 0; j < k; j++) v[j] = svd.Left[r, j] * Math.Sqrt(svd.Values[j]);
            var norm = Math.Sqrt(v.Sum(x => x * x));
            vectors.Add([.. v.Select(x => norm > 1e-12 ? (float)(x / norm) : 0f)]);
        }
        training["vocabulary"] = vocabulary.Count.ToString(CultureInfo.InvariantCulture);
        training["min_count"] = options.MinCount.ToString(CultureInfo.InvariantCulture);
        training["ppmi_alpha"] = options.Alpha.ToString("R", CultureInfo.InvariantCulture);
        training["nonzero_ppmi"] = ppmi.Count.ToString(CultureInfo.InvariantCulture);
        training["singular_values"] = string.Join(", ", svd.Values.Take(5).Select(s => s.ToString("G5", CultureInfo.InvariantCulture)));
        return new EmbeddingArtifact
        {
            Column = column, Kind = options.Kind, Dimensions = k, Rows = train.RowCount, Seed = options.Seed, Training = training,
            Vocabulary = vocabulary, Vectors = vectors,
        };
    }

    /// <summary>The word tokens of a text, in order, as TF-IDF reads them (lower-cased, 2+ characters, English stop words dropped).</summary>
    internal static List<string> Tokens(TermCounter counter, string text)
    {
        var tokens = new List<string>();
        counter.Terms(text, ref tokens, static (ref List<string> list, ReadOnlySpan<char> term) => list.Add(term.ToString()));
        return tokens;
    }

    /// <summary>The tokenizer token embeddings use.</summary>
    internal static TermCounter TokenCounter() => new(wordNgrams: 1, charNgrams: 0, stopWords: true, maxLength: 10_000);

    private static (List<string>, List<KeyValuePair<(int, int), double>>, int) TokenCounts(TextColumn text, EmbeddingOptions options, Dictionary<string, string> training)
    {
        var counter = TokenCounter();
        var documents = text.Values.Select(t => t is null ? [] : Tokens(counter, t)).ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in documents.SelectMany(d => d)) frequency[token] = frequency.GetValueOrDefault(token) + 1;
        var vocabulary = frequency.Where(p => p.Value >= options.MinCount).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.MaxVocabulary).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var index = vocabulary.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var pairs = new Dictionary<(int, int), double>();
        foreach (var document in documents)
        {
            var ids = document.Select(t => index.GetValueOrDefault(t, -1)).ToArray();
            for (var i = 0; i < ids.Length; i++)
            {
                if (ids[i] < 0) continue;
                for (var j = Math.Max(0, i - options.Window); j <= Math.Min(ids.Length - 1, i + options.Window); j++)
                {
                    if (j == i || ids[j] < 0) continue;
                    pairs[(ids[i], ids[j])] = pairs.GetValueOrDefault((ids[i], ids[j])) + 1;
                }
            }
        }
        training["contexts"] = $"tokens within {options.Window} of each token (English stop words dropped)";
        training["window"] = options.Window.ToString(CultureInfo.InvariantCulture);
        return (vocabulary, [.. pairs], vocabulary.Count);
    }

    private static (List<string>, List<KeyValuePair<(int, int), double>>, int) CategoryCounts(
        DataTable train, DataColumn target, string? label, IReadOnlyList<string> contexts, EmbeddingOptions options, Dictionary<string, string> training)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < target.Length; r++)
        {
            if (target.Format(r) is { } value) frequency[value] = frequency.GetValueOrDefault(value) + 1;
        }
        var vocabulary = frequency.Where(p => p.Value >= options.MinCount).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var index = vocabulary.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var sources = new List<DataColumn>();
        if (label is not null && train.Has(label) && label != target.Name) sources.Add(train[label]);
        sources.AddRange(contexts.Where(c => c != target.Name && c != label && train.Has(c)).Select(c => train[c]));
        var used = new List<string>();
        var contextIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new Dictionary<(int, int), double>();
        foreach (var source in sources)
        {
            if (ContextOf(source, options) is not { } context) continue;
            used.Add(source.Name);
            for (var r = 0; r < target.Length; r++)
            {
                if (target.Format(r) is not { } value || !index.TryGetValue(value, out var row) || context(r) is not { } word) continue;
                var name = source.Name + "=" + word;
                if (!contextIds.TryGetValue(name, out var id)) contextIds[name] = id = contextIds.Count;
                pairs[(row, id)] = pairs.GetValueOrDefault((row, id)) + 1;
            }
        }
        training["contexts"] = $"{contextIds.Count} values of {string.Join(", ", used)}";
        return (vocabulary, [.. pairs], contextIds.Count);
    }

    // A row's context word in a column: its value, or its quantile bin for a many-valued number; null to skip the column.
    private static Func<int, string?>? ContextOf(DataColumn column, EmbeddingOptions options)
    {
        var distinct = Enumerable.Range(0, column.Length).Select(column.Format).OfType<string>().Distinct().Count();
        if (column is TextColumn) return distinct <= options.MaxContextValues ? column.Format : null;
        if (distinct <= options.Bins) return column.Format;
        var values = ((NumericColumn)column).Values;
        var sorted = FeatureColumns.SortedPresent(values);
        var edges = Enumerable.Range(1, options.Bins - 1).Select(i => FeatureColumns.Quantile(sorted, (double)i / options.Bins)).Distinct().ToArray();
        return r => double.IsNaN(values[r]) ? null : "bin" + edges.Count(e => values[r] > e).ToString(CultureInfo.InvariantCulture);
    }
}

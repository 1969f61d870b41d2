using System.Globalization;
using Recur.Core.Data;
using Recur.Features.Internal;

namespace Recur.Features.Transforms;

/// <summary>
/// A vocabulary of the training values seen at least <c>min_frequency</c> times (at most <c>max_categories</c>, the most
/// frequent first); any other value becomes the out-of-vocabulary category <see cref="Other"/>. The trainers encode the
/// result as one indicator per category (ML.NET trainers) or as a native categorical split (LightGBM).
/// </summary>
public sealed class OneHot : ITransform
{
    /// <summary>The out-of-vocabulary category.</summary>
    public const string Other = "(other)";

    /// <inheritdoc />
    public string Name => "onehot";
    /// <inheritdoc />
    public string Summary => "vocabulary of frequent training values; the rest go to the (other) bucket";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Any;
    /// <inheritdoc />
    public bool Combines => false;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters =>
    [
        TransformParameter.Whole("min_frequency", "fewest training rows a value needs to get its own category", 1, 1, 1_000_000_000),
        TransformParameter.Whole("max_categories", "most categories kept, the most frequent first", 1000, 1, 1_000_000),
    ];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output)
    {
        var column = inputs[0];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < column.Length; r++)
        {
            if (column.Format(r) is { } value) counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        var minimum = settings.Int("min_frequency");
        var vocabulary = counts.Where(p => p.Value >= minimum).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(settings.Int("max_categories")).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        return new Fitted { Inputs = [column.Name], Vocabulary = vocabulary, Seen = counts.Count };
    }

    /// <summary>The vocabulary.</summary>
    public sealed class Fitted : FittedTransform
    {
        private HashSet<string>? _set;

        /// <summary>The kept values, sorted.</summary>
        public List<string> Vocabulary { get; set; } = [];

        /// <summary>How many distinct values the training rows held.</summary>
        public int Seen { get; set; }

        /// <inheritdoc />
        public override IReadOnlyList<ColumnSpec> Outputs() => [new ColumnSpec(Inputs[0], ColumnType.Text)];

        /// <inheritdoc />
        public override IReadOnlyList<DataColumn> Apply(IReadOnlyList<DataColumn> inputs)
        {
            var set = _set ??= new HashSet<string>(Vocabulary, StringComparer.Ordinal);
            var column = inputs[0];
            var result = new string?[column.Length];
            for (var r = 0; r < result.Length; r++)
            {
                var value = column.Format(r);
                result[r] = value is null ? null : set.TryGetValue(value, out var kept) ? kept : Other;
            }
            return [Columns.Text(Inputs[0], result)];
        }

        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() =>
        [
            new("vocabulary", Vocabulary.Count.ToString(CultureInfo.InvariantCulture)),
            new("seen in training", Seen.ToString(CultureInfo.InvariantCulture)),
            new("first", string.Join(", ", Vocabulary.Take(5))),
        ];
    }
}

/// <summary>
/// Hashed Feature: the bucket <c>ABS(MOD(FARM_FINGERPRINT(value), buckets))</c> of each value (Fingerprint64, as
/// <c>recur fingerprint</c> and BigQuery compute it; numbers are hashed as their invariant text, e.g. "7"). No vocabulary
/// is kept, so an unseen value simply lands in its bucket; a missing value stays missing.
/// </summary>
public sealed class HashTransform : ITransform
{
    /// <inheritdoc />
    public string Name => "hash";
    /// <inheritdoc />
    public string Summary => "ABS(MOD(FARM_FINGERPRINT(value), buckets)) as a category";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Any;
    /// <inheritdoc />
    public bool Combines => false;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters => [TransformParameter.Whole("buckets", "number of hash buckets", 1024, 2, 1 << 24)];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output) =>
        new Fitted { Inputs = [inputs[0].Name], Buckets = settings.Int("buckets") };

    /// <summary>The bucket count.</summary>
    public sealed class Fitted : FittedTransform
    {
        /// <summary>The number of buckets.</summary>
        public int Buckets { get; set; }

        /// <inheritdoc />
        public override IReadOnlyList<ColumnSpec> Outputs() => [new ColumnSpec(Inputs[0], ColumnType.Text)];

        /// <inheritdoc />
        public override IReadOnlyList<DataColumn> Apply(IReadOnlyList<DataColumn> inputs)
        {
            var column = inputs[0];
            var names = BucketNames.For(Buckets);
            var result = new string?[column.Length];
            var key = new KeyHashing();
            for (var r = 0; r < result.Length; r++)
            {
                key.Clear();
                result[r] = key.Append(column, r) ? names(key.Bucket(Buckets)) : null;
            }
            return [Columns.Text(Inputs[0], result)];
        }

        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() =>
            [new("buckets", Buckets.ToString(CultureInfo.InvariantCulture)), new("bucket", "ABS(MOD(FARM_FINGERPRINT(value), buckets))")];
    }
}

/// <summary>
/// Feature Cross: the values of two or more columns joined into one key (missing as the empty string, joined by the unit
/// separator U+001F) and hashed into <c>buckets</c> like <see cref="HashTransform"/>. Bucketize a numeric column first to
/// cross its ranges. The crossed columns stay features too.
/// </summary>
public sealed class Cross : ITransform
{
    /// <summary>The separator between the crossed values.</summary>
    public const char Separator = '\u001F';

    /// <inheritdoc />
    public string Name => "cross";
    /// <inheritdoc />
    public string Summary => "the combined values of several columns, hashed into buckets";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Any;
    /// <inheritdoc />
    public bool Combines => true;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters => [TransformParameter.Whole("buckets", "number of hash buckets", 1024, 2, 1 << 24)];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <summary>The default name of the cross of these columns.</summary>
    public static string DefaultName(IEnumerable<string> columns) => string.Join("_x_", columns);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output) =>
        new Fitted { Inputs = [.. inputs.Select(c => c.Name)], Output = output.Length > 0 ? output : DefaultName(inputs.Select(c => c.Name)), Buckets = settings.Int("buckets") };

    /// <summary>The output name and bucket count.</summary>
    public sealed class Fitted : FittedTransform
    {
        /// <summary>The crossed column's name.</summary>
        public string Output { get; set; } = "";
        /// <summary>The number of buckets.</summary>
        public int Buckets { get; set; }

        /// <inheritdoc />
        public override IReadOnlyList<ColumnSpec> Outputs() => [new ColumnSpec(Output, ColumnType.Text)];

        /// <inheritdoc />
        public override IReadOnlyList<DataColumn> Apply(IReadOnlyList<DataColumn> inputs)
        {
            var names = BucketNames.For(Buckets);
            var rows = inputs[0].Length;
            var result = new string?[rows];
            // The key is built in a reused buffer: no string per value or row.
            var key = new KeyHashing();
            for (var r = 0; r < rows; r++)
            {
                key.Clear();
                for (var c = 0; c < inputs.Count; c++)
                {
                    if (c > 0) key.Append(Separator);
                    key.Append(inputs[c], r);
                }
                result[r] = names(key.Bucket(Buckets));
            }
            return [Columns.Text(Output, result)];
        }

        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() =>
            [new("columns", string.Join(" x ", Inputs)), new("buckets", Buckets.ToString(CultureInfo.InvariantCulture))];
    }
}

/// <summary>Bucket numbers as the category strings the trainers read, made once per bucket count.</summary>
internal static class BucketNames
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string[]> Cache = new();

    // Above this many buckets the names are formatted as needed rather than kept.
    private const int Cached = 1 << 16;

    public static Func<int, string> For(int buckets)
    {
        if (buckets > Cached) return i => i.ToString(CultureInfo.InvariantCulture);
        var names = Cache.GetOrAdd(buckets, n => Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray());
        return i => names[i];
    }
}

using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Features.Embeddings;
using Recur.Features.Internal;

namespace Recur.Features.Transforms;

/// <summary>
/// Replaces a column by the vectors of a stored embedding artifact (<c>recur features embed</c>): a categorical
/// value's vector, or for a <c>tokens</c> artifact the mean of the vectors of the text's known tokens. Outputs
/// <c>COL:emb0</c> … <c>COL:emb{d-1}</c> and <c>COL:emb_unknown</c>, which is 1 (with all vectors zero) for a missing
/// value, a value the artifact never saw, or a text with no known token, and 0 otherwise; nothing is refused. The
/// fitted step copies the vectors with the artifact's name, version and SHA-256, so the model file needs no artifact.
/// </summary>
public sealed class Embed : ITransform
{
    /// <inheritdoc />
    public string Name => "embed";
    /// <inheritdoc />
    public string Summary => "dense vectors of a stored embedding artifact (recur features embed)";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Any;
    /// <inheritdoc />
    public bool Combines => false;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters =>
        [TransformParameter.NameOf("artifact", "the embedding artifact, NAME (newest version) or NAME@vN")];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output)
    {
        var reference = settings.Text("artifact");
        var key = settings.Key + ".artifact";
        var artifact = settings.Embeddings?.Find(reference)
            ?? throw RecurException.Invalid($"{key}: no embedding '{reference}' (run recur features embed {reference.Split('@')[0]} --column {inputs[0].Name})", key);
        if (artifact.Kind == EmbeddingKind.Tokens && inputs[0] is not TextColumn)
        {
            throw RecurException.Invalid($"{key}: '{artifact.Reference}' embeds text tokens, but column '{inputs[0].Name}' holds numbers", key);
        }
        return new Fitted
        {
            Inputs = [inputs[0].Name], Artifact = artifact.Reference, Sha256 = artifact.Sha256, Kind = artifact.Kind,
            Dimensions = artifact.Dimensions, Vocabulary = artifact.Vocabulary, Vectors = artifact.Vectors,
        };
    }

    /// <summary>The artifact's identity and a copy of its vectors.</summary>
    public sealed class Fitted : FittedTransform
    {
        private Dictionary<string, int>? _index;

        /// <summary>The artifact it copied, <c>NAME@vN</c>.</summary>
        public string Artifact { get; set; } = "";
        /// <summary>The artifact's content hash when it was copied.</summary>
        public string Sha256 { get; set; } = "";
        /// <summary><c>category</c> or <c>tokens</c>.</summary>
        public string Kind { get; set; } = EmbeddingKind.Category;
        /// <summary>The vector length.</summary>
        public int Dimensions { get; set; }
        /// <summary>The artifact's vocabulary.</summary>
        public List<string> Vocabulary { get; set; } = [];
        /// <summary>One vector per vocabulary entry.</summary>
        public List<float[]> Vectors { get; set; } = [];

        /// <summary>The flag column: 1 when no vector was found.</summary>
        public string UnknownColumn => $"{Inputs[0]}:emb_unknown";

        /// <inheritdoc />
        public override IReadOnlyList<ColumnSpec> Outputs() =>
            [.. Enumerable.Range(0, Dimensions).Select(d => new ColumnSpec(ColumnOf(d), ColumnType.Real)), new ColumnSpec(UnknownColumn, ColumnType.Real)];

        /// <summary>The output column of dimension <paramref name="d"/>.</summary>
        public string ColumnOf(int d) => string.Create(CultureInfo.InvariantCulture, $"{Inputs[0]}:emb{d}");

        /// <inheritdoc />
        public override IReadOnlyList<DataColumn> Apply(IReadOnlyList<DataColumn> inputs)
        {
            var index = _index ??= Vocabulary.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
            var column = inputs[0];
            var columns = new double[Dimensions][];
            for (var d = 0; d < Dimensions; d++) columns[d] = new double[column.Length];
            var unknown = new double[column.Length];
            var counter = Kind == EmbeddingKind.Tokens ? EmbeddingTrainer.TokenCounter() : null;
            for (var r = 0; r < column.Length; r++)
            {
                var value = column.Format(r);
                var found = 0;
                if (value is not null && counter is null && index.TryGetValue(value, out var at))
                {
                    Add(columns, r, Vectors[at]);
                    found = 1;
                }
                else if (value is not null && counter is not null)
                {
                    foreach (var token in EmbeddingTrainer.Tokens(counter, value))
                    {
                        if (!index.TryGetValue(token, out var t)) continue;
                        Add(columns, r, Vectors[t]);
                        found++;
                    }
                    for (var d = 0; found > 1 && d < Dimensions; d++) columns[d][r] /= found;
                }
                unknown[r] = found == 0 ? 1 : 0;
            }
            return [.. columns.Select((values, d) => Columns.Real(ColumnOf(d), values)), Columns.Real(UnknownColumn, unknown)];
        }

        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() =>
        [
            new("artifact", Artifact),
            new("sha256", Sha256.Length > 12 ? Sha256[..12] : Sha256),
            new("kind", Kind),
            new("dimensions", Dimensions.ToString(CultureInfo.InvariantCulture)),
            new("vocabulary", Vocabulary.Count.ToString(CultureInfo.InvariantCulture)),
        ];

        private void Add(double[][] columns, int row, float[] vector)
        {
            for (var d = 0; d < Dimensions && d < vector.Length; d++) columns[d][row] += vector[d];
        }
    }
}

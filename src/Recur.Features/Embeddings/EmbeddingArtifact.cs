using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Recur.Features.Embeddings;

/// <summary>The two things an embedding can be learned for.</summary>
public static class EmbeddingKind
{
    /// <summary>One vector per value of a categorical column.</summary>
    public const string Category = "category";

    /// <summary>One vector per word token of a free-text column; a text is the mean of its tokens' vectors.</summary>
    public const string Tokens = "tokens";
}

/// <summary>
/// A trained embedding: one dense, unit-length vector per vocabulary entry, stored as
/// <c>.recur/embeddings/NAME/vN.json</c> and referenced from recur.yaml as <c>NAME</c> (newest) or <c>NAME@vN</c>.
/// <see cref="Sha256"/> covers what the vectors mean (kind, column, vocabulary, vectors), not the name or version, so
/// retraining on the same data with the same seed yields the same hash.
/// </summary>
public sealed class EmbeddingArtifact
{
    private Dictionary<string, int>? _index;

    /// <summary>The artifact's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Its version, 1, 2, … in the order they were stored.</summary>
    public int Version { get; set; }

    /// <summary>The column it was trained on.</summary>
    public string Column { get; set; } = "";

    /// <summary><see cref="EmbeddingKind.Category"/> or <see cref="EmbeddingKind.Tokens"/>.</summary>
    public string Kind { get; set; } = EmbeddingKind.Category;

    /// <summary>The length of every vector.</summary>
    public int Dimensions { get; set; }

    /// <summary>The snapshot whose training split it was learned from.</summary>
    public string Snapshot { get; set; } = "";

    /// <summary>Training rows read.</summary>
    public int Rows { get; set; }

    /// <summary>The seed of the SVD's random start.</summary>
    public int Seed { get; set; }

    /// <summary>How it was trained, in words (contexts, window, min count, singular values kept).</summary>
    public Dictionary<string, string> Training { get; set; } = [];

    /// <summary>The values (or tokens), sorted ordinally.</summary>
    public List<string> Vocabulary { get; set; } = [];

    /// <summary>One unit-length vector per vocabulary entry (a value with no informative context is all zeros).</summary>
    public List<float[]> Vectors { get; set; } = [];

    /// <summary>SHA-256 of the content (see <see cref="ContentHash"/>), lower-case hex.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary><c>NAME@vN</c>.</summary>
    [JsonIgnore]
    public string Reference => $"{Name}@v{Version}";

    /// <summary>The vector of a value, or null when the vocabulary lacks it.</summary>
    public float[]? Vector(string value) => Index().TryGetValue(value, out var i) ? Vectors[i] : null;

    /// <summary>
    /// The <paramref name="k"/> vocabulary entries closest to <paramref name="value"/> by cosine similarity (the vectors
    /// are unit length, so the dot product), most similar first, ties by value; null when the value is unknown.
    /// </summary>
    public IReadOnlyList<(string Value, double Similarity)>? Nearest(string value, int k)
    {
        if (Vector(value) is not { } target) return null;
        return Vocabulary.Select((v, i) => (Value: v, Similarity: Cosine(target, Vectors[i])))
            .Where(p => p.Value != value)
            .OrderByDescending(p => p.Similarity).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Take(Math.Max(0, k)).ToList();
    }

    /// <summary>Cosine similarity of two vectors (0 when either is all zeros).</summary>
    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>
    /// SHA-256 over the kind, column, dimensions, each vocabulary entry (UTF-8, newline-terminated) and each vector's
    /// floats (little-endian): the bytes that decide what a model using it computes.
    /// </summary>
    public string ContentHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Kind}\n{Column}\n{Dimensions}\n"));
        foreach (var v in Vocabulary) hash.AppendData(Encoding.UTF8.GetBytes(v + "\n"));
        Span<byte> buffer = stackalloc byte[4];
        foreach (var vector in Vectors)
        {
            foreach (var x in vector)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(buffer, x);
                hash.AppendData(buffer);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private Dictionary<string, int> Index() =>
        _index ??= Vocabulary.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
}

using System.IO.Compression;
using System.Text.Json;

namespace Recur.Training.Internal;

/// <summary>
/// What an ML.NET model needs beyond its own file to explain itself, learned from the training rows when it is fitted
/// and saved as the model file's <see cref="Entry"/>: which learned feature each slot of the learner's feature vector
/// comes from, and the training means of the slots (linear learners) or the covers of every tree node (tree learners:
/// ML.NET's trees do not keep how many training rows reached each node).
/// </summary>
internal sealed class ExplainFacts
{
    /// <summary>The zip entry.</summary>
    public const string Entry = "explain.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Per slot of the feature vector, the index of the learned feature it comes from.</summary>
    public int[] Slots { get; init; } = [];

    /// <summary>Linear learners: per slot, its mean over the training rows (after the model's scaling).</summary>
    public double[]? Means { get; init; }

    /// <summary>Tree learners: per output, per tree, the training rows reaching each internal node, then each leaf.</summary>
    public int[][][]? Covers { get; init; }

    /// <summary>Writes the entry with a fixed time.</summary>
    public void Write(ZipArchive zip)
    {
        var entry = zip.CreateEntry(Entry, CompressionLevel.Optimal);
        entry.LastWriteTime = ReproducibleZip.EntryTime;
        using var stream = entry.Open();
        JsonSerializer.Serialize(stream, this, Options);
    }

    /// <summary>Reads the entry back.</summary>
    public static ExplainFacts Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<ExplainFacts>(stream, Options) ?? throw new FormatException($"empty {Entry}");
    }
}

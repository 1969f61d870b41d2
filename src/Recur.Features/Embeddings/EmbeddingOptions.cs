namespace Recur.Features.Embeddings;

/// <summary>How <see cref="EmbeddingTrainer"/> learns vectors. The defaults suit a few thousand training rows.</summary>
public sealed record EmbeddingOptions
{
    /// <summary><see cref="EmbeddingKind.Category"/> (a value per row) or <see cref="EmbeddingKind.Tokens"/> (the words of a text).</summary>
    public string Kind { get; init; } = EmbeddingKind.Category;

    /// <summary>Length of each vector (the SVD's rank); capped by the number of values and contexts. Default 16.</summary>
    public int Dimensions { get; init; } = 16;

    /// <summary>Fewest training occurrences a value or token needs to get a vector. Default 2.</summary>
    public int MinCount { get; init; } = 2;

    /// <summary>Tokens on each side of a token that count as its context. Default 5.</summary>
    public int Window { get; init; } = 5;

    /// <summary>Most tokens kept, the most frequent first. Default 20,000.</summary>
    public int MaxVocabulary { get; init; } = 20_000;

    /// <summary>Context smoothing exponent of the PPMI (1: none). Default 0.75.</summary>
    public double Alpha { get; init; } = 0.75;

    /// <summary>Quantile bins of a numeric label or context column with many distinct values. Default 10.</summary>
    public int Bins { get; init; } = 10;

    /// <summary>Text context columns with more distinct values than this are skipped (free text, ids). Default 1,000.</summary>
    public int MaxContextValues { get; init; } = 1000;

    /// <summary>Seed of the SVD's random start. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Why the options are unusable, or null.</summary>
    public string? Problem() =>
        Kind is not (EmbeddingKind.Category or EmbeddingKind.Tokens) ? $"kind '{Kind}' is not category or tokens"
        : Dimensions is < 1 or > 512 ? $"dimensions must be in [1, 512], not {Dimensions}"
        : MinCount < 1 ? $"min count must be at least 1, not {MinCount}"
        : Window < 1 ? $"window must be at least 1, not {Window}"
        : Alpha is <= 0 or > 1 ? "alpha must be in (0, 1]"
        : Bins < 2 ? "bins must be at least 2"
        : null;
}

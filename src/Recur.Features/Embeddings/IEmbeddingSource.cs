namespace Recur.Features.Embeddings;

/// <summary>Where the <c>embed</c> transform finds the artifacts recur.yaml references.</summary>
public interface IEmbeddingSource
{
    /// <summary>The artifact <c>NAME</c> (its newest version) or <c>NAME@vN</c>, or null when there is none.</summary>
    EmbeddingArtifact? Find(string reference);
}

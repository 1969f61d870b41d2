namespace Recur.Pipeline;

/// <summary>Where a project's embedded state lives, all under its folder.</summary>
/// <param name="Root">The project folder (holding recur.yaml), absolute.</param>
public sealed record ProjectLayout(string Root)
{
    /// <summary><c>.recur/</c>: everything the embedded backends store.</summary>
    public string State => Path.Combine(Root, ".recur");

    /// <summary><c>.recur/lake/</c>: snapshot files, their profiles and the part cache.</summary>
    public string Lake => Path.Combine(State, "lake");

    /// <summary><c>.recur/lake/features/</c>: feature sets per group, one folder per model version (<c>recur features materialize</c>).</summary>
    public string FeatureSets => Path.Combine(Lake, "features");

    /// <summary><c>.recur/artifacts/</c>: model files by SHA-256.</summary>
    public string Artifacts => Path.Combine(State, "artifacts");

    /// <summary><c>.recur/embeddings/</c>: embedding artifacts, <c>NAME/vN.json</c>.</summary>
    public string Embeddings => Path.Combine(State, "embeddings");

    /// <summary><c>.recur/reports/</c>: HTML reports.</summary>
    public string Reports => Path.Combine(State, "reports");
}

namespace Recur.Core.Project;

/// <summary>
/// <c>training.transfer:</c> a new model reuses a registered model's fitted featurizer or learned embeddings, frozen, and trains only a
/// new head on this project's (small) data. Off while <see cref="From"/> is empty.
/// </summary>
public sealed class TransferConfig
{
    /// <summary>The source model: "NAME@ALIAS" or "NAME:VERSION" in this project's registry, or in <see cref="Project"/>'s.</summary>
    public string From { get; set; } = "";

    /// <summary>Another project folder (relative to this one) whose registry holds the source; empty for this project.</summary>
    public string Project { get; set; } = "";

    /// <summary>What is reused: features (the whole fitted feature chain) or embeddings (its learned embedding steps only).</summary>
    public string Reuse { get; set; } = "features";
}

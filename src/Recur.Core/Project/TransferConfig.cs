namespace Recur.Core.Project;

/// <summary>
/// <c>training.transfer:</c> a new model reuses a registered model's fitted featurizer or learned embeddings, frozen, and trains only a
/// new head on this project's (small) data. Off while <see cref="From"/> is empty.
/// </summary>
public sealed class TransferConfig
{
    /// <summary>The names <see cref="Reuse"/> accepts.</summary>
    public static readonly IReadOnlyList<string> ReuseNames = ["features", "embeddings", "score"];

    /// <summary>The source model: "NAME@ALIAS" or "NAME:VERSION" in this project's registry, or in <see cref="Project"/>'s.</summary>
    public string From { get; set; } = "";

    /// <summary>Another project folder (relative to this one) whose registry holds the source; empty for this project.</summary>
    public string Project { get; set; } = "";

    /// <summary>
    /// What is reused: <c>features</c> (the whole fitted feature chain, frozen), <c>embeddings</c> (its learned text and
    /// embedding steps only, frozen; the other transforms are fitted on this project's data) or <c>score</c> (the whole source
    /// model, frozen, whose score a meta-learner combines with the declared trainer's).
    /// </summary>
    public string Reuse { get; set; } = "features";

    /// <summary>Whether a transfer is declared.</summary>
    public bool IsOn => From.Length > 0;
}

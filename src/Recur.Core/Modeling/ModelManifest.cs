namespace Recur.Core.Modeling;

/// <summary>
/// What a model artifact declares about itself, stored beside the ML.NET model in the same file: the
/// input contract, the label's meaning, the decision threshold and how it was trained.
/// </summary>
public sealed record ModelManifest(
    string Format,
    string Model,
    string Trainer,
    FeaturePlan Plan,
    double Threshold,
    IReadOnlyDictionary<string, string> Parameters,
    long TrainingRows,
    int Seed)
{
    /// <summary>The current artifact format.</summary>
    public const string CurrentFormat = "recur-model/1";
}

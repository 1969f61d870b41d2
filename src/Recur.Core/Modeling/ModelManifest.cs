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
    /// <summary>
    /// The explainable surrogate fitted to this model's outputs (training.surrogate), run beside it when it serves; null
    /// when none was fitted (and then absent from the file, so older files keep their bytes).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Surrogates.SurrogateTree? Surrogate { get; init; }

    /// <summary>
    /// The sliding-window features (recur.yaml <c>features.windows</c>) the model was trained with: the server computes
    /// them per request from its live state, so requests carry the time, entity and value fields instead; null when the
    /// model has none (and then absent from the file).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Project.WindowsConfig? Windows { get; init; }

    /// <summary>The current artifact format.</summary>
    public const string CurrentFormat = "recur-model/1";
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Recur.Core.Registry;

namespace Recur.Training.Documents;

/// <summary>
/// A registered version described for people (Model as a reviewable document): its contract, feature transforms,
/// trainer and parameters, metrics, lineage and, for tree and linear models, what it learned (every tree's splits and
/// leaves, or the weights by feature). Only what never changes for a version is in it (no aliases or tags), and every
/// map is sorted, so the JSON of one version is byte-identical each time and two versions diff line by line.
/// </summary>
/// <param name="Format">The document format, <see cref="CurrentFormat"/>.</param>
/// <param name="Model">The model name.</param>
/// <param name="Version">The version.</param>
/// <param name="ArtifactSha256">The model file's SHA-256.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Task">binary, multiclass or regression.</param>
/// <param name="Label">The label column.</param>
/// <param name="Classes">The classes in score order (binary: negative, positive).</param>
/// <param name="Threshold">The decision threshold the model file carries (binary).</param>
/// <param name="Inputs">The raw inputs the model takes.</param>
/// <param name="Transforms">The fitted feature transforms (the model file's chain), or null when it reads its inputs as they are.</param>
/// <param name="LearnedFeatures">The features the learner reads, in order.</param>
/// <param name="Trainer">The trainer and its parameters.</param>
/// <param name="Metrics">The registered metrics, by name.</param>
/// <param name="Lineage">Where it came from.</param>
/// <param name="Structure">What the learner learned.</param>
public sealed record ModelDocument(
    string Format,
    string Model,
    int Version,
    string ArtifactSha256,
    DateTimeOffset CreatedAt,
    string Task,
    string Label,
    IReadOnlyList<string> Classes,
    double Threshold,
    IReadOnlyList<DocumentInput> Inputs,
    JsonElement? Transforms,
    IReadOnlyList<string> LearnedFeatures,
    DocumentTrainer Trainer,
    SortedDictionary<string, double> Metrics,
    DocumentLineage Lineage,
    DocumentStructure Structure)
{
    /// <summary>The format written today.</summary>
    public const string CurrentFormat = "recur-model-document/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document as pretty-printed JSON (two-space indents, '\n' line ends, a final newline).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options).ReplaceLineEndings("\n") + "\n";

    /// <summary>Describes a registered version from its record and its loaded model file.</summary>
    public static ModelDocument Of(ModelVersion version, TrainedModel model) => DocumentBuilder.Build(version, model);
}

/// <summary>One raw input of the model's contract.</summary>
/// <param name="Name">The column.</param>
/// <param name="Type">Its type (numeric, text, …).</param>
/// <param name="Nullable">Whether it may be missing.</param>
/// <param name="Categories">A text input's training categories, sorted; null otherwise.</param>
public sealed record DocumentInput(string Name, string Type, bool Nullable, IReadOnlyList<string>? Categories);

/// <summary>The trainer of a version.</summary>
/// <param name="Name">The trainer, e.g. lightgbm.</param>
/// <param name="Parameters">Its parameters, by name.</param>
/// <param name="TrainingRows">The rows it was fitted on.</param>
/// <param name="Seed">Its seed.</param>
public sealed record DocumentTrainer(string Name, SortedDictionary<string, string> Parameters, long TrainingRows, int Seed);

/// <summary>Where a version came from.</summary>
/// <param name="Snapshots">The snapshots it was trained on.</param>
/// <param name="ConfigHash">SHA-256 of its recur.yaml.</param>
/// <param name="CodeVersion">Recur's version.</param>
/// <param name="ReferenceProfile">The drift reference profile, if stored.</param>
/// <param name="Environment">Runtime, OS, architecture and package versions, if captured.</param>
public sealed record DocumentLineage(IReadOnlyList<string> Snapshots, string ConfigHash, string CodeVersion, string? ReferenceProfile, TrainingEnvironment? Environment);

/// <summary>
/// What the learner learned: <c>trees</c> (LightGBM: each tree's nodes; ML.NET trees: counts), <c>linear</c> (bias and
/// weights per output), or <c>opaque</c> when Recur cannot read it.
/// </summary>
/// <param name="Kind">trees, linear or opaque.</param>
/// <param name="TreeCount">The number of trees.</param>
/// <param name="LeafCount">The number of leaves over all trees.</param>
/// <param name="OutputTransform">How summed tree scores become outputs (identity, sigmoid, softmax).</param>
/// <param name="SplitsByFeature">How many splits use each feature, over all trees (features never used are left out).</param>
/// <param name="Trees">Each tree, root first, in boosting order (LightGBM models).</param>
/// <param name="Linear">Each output's bias and weights (linear models).</param>
public sealed record DocumentStructure(
    string Kind,
    int? TreeCount,
    int? LeafCount,
    string? OutputTransform,
    SortedDictionary<string, int>? SplitsByFeature,
    IReadOnlyList<DocumentNode>? Trees,
    IReadOnlyList<DocumentLinear>? Linear);

/// <summary>
/// A tree node: a split (<see cref="Feature"/> with a <see cref="Threshold"/>, going left when the value is at or below
/// it, or with the <see cref="CategoriesLeft"/>) and its children, or a leaf with its <see cref="Value"/>.
/// </summary>
/// <param name="Feature">The feature split on (null for a leaf).</param>
/// <param name="Threshold">The numeric threshold (left when value ≤ threshold).</param>
/// <param name="CategoriesLeft">A categorical split's categories that go left.</param>
/// <param name="MissingGoes">Where a missing value goes: left or right.</param>
/// <param name="Rows">The training rows that reached the node.</param>
/// <param name="Left">The left child.</param>
/// <param name="Right">The right child.</param>
/// <param name="Value">A leaf's output (shrinkage applied).</param>
public sealed record DocumentNode(
    string? Feature,
    double? Threshold,
    IReadOnlyList<string>? CategoriesLeft,
    string? MissingGoes,
    int Rows,
    DocumentNode? Left,
    DocumentNode? Right,
    double? Value);

/// <summary>One output of a linear model: its bias and its weight per learned feature slot.</summary>
/// <param name="Output">The class (or <c>score</c>) the output is for.</param>
/// <param name="Bias">The bias.</param>
/// <param name="Weights">The weights by feature (a feature with several slots, such as a one-hot text, as <c>name[i]</c>).</param>
public sealed record DocumentLinear(string Output, double Bias, SortedDictionary<string, double> Weights);

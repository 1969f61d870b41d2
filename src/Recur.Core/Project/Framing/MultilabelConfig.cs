namespace Recur.Core.Project;

/// <summary>
/// recur.yaml: Multilabel targets (framing.multilabel): several labels per row, one output per label. Off until declared.
/// Either <see cref="Column"/> (a list column such as <c>bug;docs</c>, or a JSON array <c>["bug","docs"]</c>) or
/// <see cref="Columns"/> (several 0/1 columns declared as one target). Declaring it makes the task <c>multilabel</c>.
/// </summary>
public sealed class MultilabelConfig
{
    /// <summary>The strategy that fits one binary model per label, each on its own.</summary>
    public const string BinaryRelevance = "binary_relevance";

    /// <summary>The strategy that fits the labels in order, each model also reading the earlier labels.</summary>
    public const string Chain = "chain";

    /// <summary>The list column holding each row's labels; empty when <see cref="Columns"/> is used.</summary>
    public string Column { get; set; } = "";

    /// <summary>What separates the labels in <see cref="Column"/> (default ";").</summary>
    public string Separator { get; set; } = ";";

    /// <summary>0/1 columns, one per label, declared as one target; empty when <see cref="Column"/> is used.</summary>
    public List<string> Columns { get; set; } = [];

    /// <summary>binary_relevance (default): one independent binary model per label; chain: a classifier chain.</summary>
    public string Strategy { get; set; } = BinaryRelevance;

    /// <summary>Chain only: the order the labels are fitted in; empty for a seeded shuffle of the labels.</summary>
    public List<string> Order { get; set; } = [];

    /// <summary>Whether recur.yaml declares a multilabel target.</summary>
    public bool IsDeclared => Column.Length > 0 || Columns.Count > 0;

    /// <summary>The name of the target built from <see cref="Columns"/> when recur.yaml names no label.</summary>
    public const string DefaultTarget = "labels";
}

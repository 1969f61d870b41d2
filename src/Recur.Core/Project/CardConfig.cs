namespace Recur.Core.Project;

/// <summary>
/// recur.yaml <c>card:</c>, what only people can say about a model, printed on its model card beside what Recur
/// measures (data, metrics with intervals, fairness, limits found by error analysis, lineage).
/// </summary>
public sealed class CardConfig
{
    /// <summary>What the model is for, and for whom.</summary>
    public string IntendedUse { get; set; } = "";

    /// <summary>Uses it was not built or checked for.</summary>
    public string OutOfScope { get; set; } = "";

    /// <summary>Known limits and caveats, one per item.</summary>
    public List<string> Limitations { get; set; } = [];

    /// <summary>Who answers for the model.</summary>
    public List<string> Owners { get; set; } = [];
}

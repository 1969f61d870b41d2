namespace Recur.Core.Project;

/// <summary>
/// One experiment under <c>experiments:</c> (<c>recur experiment NAME</c>): variations of the project's training run side by side.
/// Experiment models are disposable: they are never registered under an alias and cannot be promoted.
/// </summary>
public sealed class ExperimentConfig
{
    /// <summary>What the experiment asks, in words, for the comparison table.</summary>
    public string Question { get; set; } = "";

    /// <summary>The variations, each compared with the project as declared (the control).</summary>
    public List<VariationConfig> Variations { get; set; } = [];
}

/// <summary>One variation: an overlay of recur.yaml, feature groups dropped, or another trainer (any combination).</summary>
public sealed class VariationConfig
{
    /// <summary>Its name in the comparison table.</summary>
    public string Name { get; set; } = "";

    /// <summary>A YAML file (relative to the project) merged over recur.yaml for this variation.</summary>
    public string Overlay { get; set; } = "";

    /// <summary>Feature groups (features.groups) left out.</summary>
    public List<string> Drop { get; set; } = [];

    /// <summary>Another trainer, replacing the declared ones.</summary>
    public string Trainer { get; set; } = "";

    /// <summary>That trainer's parameters.</summary>
    public Dictionary<string, string> Params { get; set; } = [];
}

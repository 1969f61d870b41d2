namespace Recur.Embedded;

/// <summary>Which registered version an embedded predictor answers with. Checked when the predictor is registered.</summary>
public sealed class RecurPredictorOptions
{
    /// <summary>The model name; null for the project's own (recur.yaml <c>name</c>), the only one a project registers.</summary>
    public string? Model { get; set; }

    /// <summary>The alias that picks the version (default <c>champion</c>); re-resolved within a second when it moves, as in the server.</summary>
    public string? Alias { get; set; }

    /// <summary>An explicit version instead of an alias.</summary>
    public int? Version { get; set; }

    /// <summary>A storage URI that overrides recur.yaml's <c>storage:</c> (as <c>--store</c> does); null to keep it.</summary>
    public string? Store { get; set; }
}

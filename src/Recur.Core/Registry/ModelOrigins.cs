namespace Recur.Core.Registry;

/// <summary>
/// What produced a model version (<see cref="ModelLineage.Origin"/>). Only a <see cref="Pipeline"/> version trained on a
/// catalogued snapshot may take an alias; an <see cref="Experiment"/> version is disposable and stays unpromotable.
/// </summary>
public static class ModelOrigins
{
    /// <summary>A pipeline run (<c>recur train</c>, the loop's retrain) from a versioned snapshot.</summary>
    public const string Pipeline = "pipeline";

    /// <summary>A variation of <c>recur experiment</c>: kept for inspection, never served.</summary>
    public const string Experiment = "experiment";
}

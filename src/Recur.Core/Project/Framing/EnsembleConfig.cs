namespace Recur.Core.Project;

/// <summary>recur.yaml: Ensembles of the declared candidates (framing.ensemble). Off until declared.</summary>
public sealed class EnsembleConfig
{
}

namespace Recur.Core.Project;

/// <summary>recur.yaml: Useful overfitting (framing.overfit). Off until declared.</summary>
public sealed class OverfitConfig
{
}

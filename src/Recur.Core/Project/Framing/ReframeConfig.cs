namespace Recur.Core.Project;

/// <summary>recur.yaml: Reframing (framing.reframe). Off until declared.</summary>
public sealed class ReframeConfig
{
}

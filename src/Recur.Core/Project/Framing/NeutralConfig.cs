namespace Recur.Core.Project;

/// <summary>recur.yaml: The neutral class (framing.neutral). Off until declared.</summary>
public sealed class NeutralConfig
{
}

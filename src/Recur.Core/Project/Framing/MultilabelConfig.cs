namespace Recur.Core.Project;

/// <summary>recur.yaml: Multilabel targets (framing.multilabel). Off until declared.</summary>
public sealed class MultilabelConfig
{
}

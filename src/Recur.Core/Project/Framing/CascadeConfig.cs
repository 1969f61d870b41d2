namespace Recur.Core.Project;

/// <summary>recur.yaml: A cascade of a router and specialised branches (framing.cascade). Off until declared.</summary>
public sealed class CascadeConfig
{
}

namespace Recur.Core.Project;

/// <summary>recur.yaml: Rebalancing a skewed label (framing.rebalance). Off until declared.</summary>
public sealed class RebalanceConfig
{
}

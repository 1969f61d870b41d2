using Recur.Core.Monitoring;

namespace Recur.Pipeline.Loop;

/// <summary>What one tick of the loop did.</summary>
/// <param name="Tick">The tick's id in the audit trail.</param>
/// <param name="Action">
/// The tick's upshot: <c>none</c>, <c>throttled</c>, <c>rejected</c> (retrained, the gates said no), <c>promoted</c>,
/// <c>canary_started</c>, <c>canary_running</c>, <c>canary_extended</c>, <c>rolled_back</c> or <c>failed</c>.
/// </param>
/// <param name="Records">The audit records the tick wrote, in order.</param>
/// <param name="Canary">The canary running after the tick, or null.</param>
/// <param name="Report">The training report of a retrain, or null.</param>
public sealed record LoopTickOutcome(long Tick, string Action, IReadOnlyList<LoopRecord> Records, CanaryState? Canary, string? Report = null);

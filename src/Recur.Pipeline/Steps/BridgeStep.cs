using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Lake;
using Recur.Lake.Bridging;

namespace Recur.Pipeline.Steps;

/// <summary>What a bridge run stored.</summary>
public sealed record BridgeStepOutcome(IngestOutcome Stored, string Old, string New, long BridgedRows, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Probabilities);

/// <summary>Runs a bridge declared under <c>bridges:</c> and stores the result as a derived snapshot with both parents.</summary>
public static class BridgeStep
{
    /// <summary>Bridges the newest snapshots of the declared old and new datasets into dataset <paramref name="name"/>.</summary>
    public static async Task<BridgeStepOutcome> RunAsync(RecurProject project, string name, CancellationToken ct = default)
    {
        if (!project.Config.Bridges.TryGetValue(name, out var bridge))
        {
            throw RecurException.Invalid($"no bridge named '{name}' under 'bridges:' in recur.yaml (declared: {string.Join(", ", project.Config.Bridges.Keys.DefaultIfEmpty("none"))})", "bridges");
        }
        var old = await project.LatestSnapshotAsync(bridge.Old, ct);
        var @new = await project.LatestSnapshotAsync(bridge.New, ct);
        var outcome = SchemaBridge.Bridge(await project.ReadAsync(old, ct), await project.ReadAsync(@new, ct), bridge.Column, bridge.Map, project.Config.Seed);
        var ingestor = project.Services.GetRequiredService<LakeIngestor>();
        var stored = await ingestor.StoreDerivedAsync(name, outcome.Table, $"bridge {bridge.Old} -> {bridge.New} on {bridge.Column}", [old.Id, @new.Id], ct);
        return new BridgeStepOutcome(stored, old.Id, @new.Id, outcome.BridgedRows, outcome.Probabilities);
    }
}

using Recur.Core;
using Recur.Core.Monitoring;
using Recur.Monitoring.Live;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Live;

/// <summary>
/// Live performance of the project's model per version over windows, from the prediction log and the feedback join
/// (expired labels left out), per group of the sensitive columns that are model inputs. The entry point for
/// <c>recur monitor performance</c>, <c>GET /v1/models/{name}/performance</c>, the loop and the monitoring report.
/// </summary>
public static class LivePerformanceStep
{
    /// <summary>Computes the windows; <paramref name="groups"/> null means the sensitive columns among the model's inputs.</summary>
    public static async Task<LivePerformanceReport> ComputeAsync(RecurProject project, PerformanceWindow window, LiveSelection selection,
        IReadOnlyList<string>? groups = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(selection);
        var config = project.Config;
        var version = await VersionForPlanAsync(project, selection.Version, ct);
        var model = await project.Models.LoadAsync(version, ct);
        var plan = model.Manifest.Plan;
        var inputs = plan.Features.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var g in groups ?? [])
        {
            if (!inputs.Contains(g))
            {
                throw RecurException.Invalid($"--by: '{g}' is not among the logged inputs of model '{config.Name}' (its inputs: {string.Join(", ", plan.Features.Select(f => f.Name))}); " +
                    "live groups are read from the logged inputs, so a sensitive column must be a model input to be measured over time", "--by");
            }
        }
        var columns = groups ?? config.Sensitive.Where(inputs.Contains).ToList();
        var (logged, joined) = await selection.ReadAsync(project, ct);
        var thresholds = await ThresholdsAsync(project, logged.Select(r => r.Version).Distinct(), ct);
        return LivePerformance.Compute(new LivePerformanceInput(plan, logged, joined, window, FeedbackRules.From(config.Monitoring.Feedback), config.Monitoring.Feedback.MinLabelled, config.Seed)
        {
            Threshold = v => thresholds.GetValueOrDefault(v, model.Manifest.Threshold),
            GroupColumns = columns,
            MinGroup = config.Fairness.MinGroup,
        });
    }

    /// <summary>The version whose plan (task, classes) reads the log: the one asked for, else the champion, else the newest.</summary>
    internal static async Task<Core.Registry.ModelVersion> VersionForPlanAsync(RecurProject project, int? version, CancellationToken ct)
    {
        var name = project.Config.Name;
        if (version is { } v) return await project.Registry.FindAsync(name, v, ct) ?? throw RecurException.NotFound($"--version: model '{name}' has no version {v}");
        return await project.Registry.ResolveAliasAsync(name, TrainingRun.ChampionAlias, ct)
            ?? (await project.Registry.ListAsync(name, ct)).LastOrDefault()
            ?? throw RecurException.NotFound($"model '{name}' has no registered version yet (run 'recur train')");
    }

    private static async Task<Dictionary<int, double>> ThresholdsAsync(RecurProject project, IEnumerable<int> versions, CancellationToken ct)
    {
        var thresholds = new Dictionary<int, double>();
        foreach (var v in versions)
        {
            if (await project.Registry.FindAsync(project.Config.Name, v, ct) is { } found) thresholds[v] = (await project.Models.LoadAsync(found, ct)).Manifest.Threshold;
        }
        return thresholds;
    }
}

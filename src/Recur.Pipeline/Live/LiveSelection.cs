using Recur.Core;
using Recur.Core.Monitoring;
using Recur.Core.Serving;

namespace Recur.Pipeline.Live;

/// <summary>Which predictions live performance looks at: a time range and optionally one version.</summary>
/// <param name="Since">Only predictions logged at or after this time; all when null.</param>
/// <param name="Until">Only predictions logged before this time; all when null.</param>
/// <param name="Version">Only this version; every version when null.</param>
public sealed record LiveSelection(DateTimeOffset? Since = null, DateTimeOffset? Until = null, int? Version = null)
{
    /// <summary>The answered predictions and the feedback join of the project's model, within the selection.</summary>
    internal async Task<(IReadOnlyList<PredictionRecord> Logged, IReadOnlyList<LabelledPrediction> Joined)> ReadAsync(RecurProject project, CancellationToken ct)
    {
        if (Since is { } s && Until is { } u && u <= s) throw RecurException.Invalid($"--until ({u:O}) must be later than --since ({s:O})", "--until");
        var name = project.Config.Name;
        var logged = (await project.Log.ReadAsync(name, Since, ct: ct)).Where(Keeps).ToList();
        var joined = (await UsableFeedback.JoinAsync(project, Since, ct)).Where(j => Keeps(j.Prediction)).ToList();
        if (Version is { } v && logged.Count == 0 && await project.Registry.FindAsync(name, v, ct) is null)
        {
            throw RecurException.NotFound($"--version: model '{name}' has no version {v}");
        }
        return (logged, joined);
    }

    private bool Keeps(PredictionRecord r) => (Until is not { } u || r.Timestamp < u) && (Version is not { } v || r.Version == v);
}

using Recur.Core;
using Recur.Core.Data;
using Recur.Monitoring.Live;
using Recur.Training;

namespace Recur.Pipeline.Steps;

/// <summary>
/// Retrains on the enlarged data — the champion's training snapshot plus the logged rows whose labels
/// came back as feedback — and runs the candidate through the same gates as any training run.
/// </summary>
public static class RetrainStep
{
    /// <summary>Retrains from feedback joined since <paramref name="since"/>.</summary>
    public static async Task<TrainingOutcome> RunAsync(RecurProject project, DateTimeOffset? since, CancellationToken ct = default)
    {
        var config = project.Config;
        var champion = await project.Registry.ResolveAliasAsync(config.Name, TrainingRun.ChampionAlias, ct)
            ?? throw RecurException.NotFound($"model '{config.Name}' has no champion to retrain");
        var plan = TrainedModel.Load(project.Artifacts.PathOf(champion.ArtifactSha256)).Manifest.Plan;
        var trainSnapshot = await project.Catalog.FindAsync(champion.Lineage.Snapshots[0], ct)
            ?? throw RecurException.NotFound($"snapshot {champion.Lineage.Snapshots[0]} is missing from the catalogue");
        var evalSnapshot = await project.EvaluationSnapshotAsync(trainSnapshot.Dataset, ct);
        var joined = await project.Log.JoinAsync(config.Name, since, ct);
        if (joined.Count == 0) throw RecurException.Invalid("no logged predictions have feedback yet; post labels before retraining", "feedback");

        var columns = plan.Features.Select(f => f.Name).Append(plan.Label).ToList();
        var original = TrainingRun.Project(await project.ReadAsync(trainSnapshot, ct), columns);
        var fresh = LoggedInputs.WithLabels(joined, plan);
        var enlarged = DataTable.Concat(original, Align(fresh, original));
        var evaluation = evalSnapshot is null ? null : WithoutRowsOf(await project.ReadAsync(evalSnapshot, ct), fresh, columns);
        var ids = evalSnapshot is null ? TrainingRun.Ids(trainSnapshot) : TrainingRun.Ids(trainSnapshot, evalSnapshot);
        return await TrainingRun.RunAsync(project, enlarged, evaluation, ids, dataIsFirstSnapshot: false, registerRejected: true, ct);
    }

    /// <summary>
    /// Leakage guard: evaluation rows identical (features and label) to a row the candidate trains on
    /// are held out of the gate, so neither side is judged on rows the candidate has seen.
    /// </summary>
    public static DataTable WithoutRowsOf(DataTable evaluation, DataTable training, IReadOnlyList<string> columns)
    {
        var seen = Enumerable.Range(0, training.RowCount).Select(r => Lake.Splitting.FingerprintSplitter.KeyOf(training, columns, r)).ToHashSet(StringComparer.Ordinal);
        var keep = Enumerable.Range(0, evaluation.RowCount).Where(r => !seen.Contains(Lake.Splitting.FingerprintSplitter.KeyOf(evaluation, columns, r))).ToList();
        return keep.Count == evaluation.RowCount ? evaluation : evaluation.Take(keep);
    }

    // Logged numbers come back as reals; give them the training column's type so the tables concatenate.
    private static DataTable Align(DataTable fresh, DataTable like) =>
        new(like.Columns.Select(c => fresh[c.Name] switch
        {
            NumericColumn n => (DataColumn)new NumericColumn(c.Spec, n.Values),
            TextColumn t => new TextColumn(c.Spec, t.Values),
            _ => throw new InvalidOperationException(),
        }).ToArray());
}

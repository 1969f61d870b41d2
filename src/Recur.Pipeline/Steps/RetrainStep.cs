using Microsoft.Extensions.Logging;
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
    /// <summary>
    /// Retrains from feedback joined since <paramref name="since"/>; a candidate that passes the gates becomes the
    /// champion, or takes <paramref name="promoteAs"/> instead when given (the loop's canary). With
    /// <paramref name="adaptToShift"/> the candidate trains on an importance-weighted resample (<see cref="ShiftRetrain"/>)
    /// and the outcome carries the comparison with the plain retrain.
    /// </summary>
    public static async Task<TrainingOutcome> RunAsync(RecurProject project, DateTimeOffset? since, CancellationToken ct = default, string? promoteAs = null, bool adaptToShift = false)
    {
        var config = project.Config;
        var champion = await project.Registry.ResolveAliasAsync(config.Name, TrainingRun.ChampionAlias, ct)
            ?? throw RecurException.NotFound($"model '{config.Name}' has no champion to retrain");
        var manifest = (await project.Models.LoadAsync(champion, ct)).Manifest;
        var plan = manifest.Plan;
        var trainSnapshot = await project.Catalog.FindAsync(champion.Lineage.Snapshots[0], ct)
            ?? throw RecurException.NotFound($"snapshot {champion.Lineage.Snapshots[0]} is missing from the catalogue");
        var evalSnapshot = await project.EvaluationSnapshotAsync(trainSnapshot.Dataset, ct);
        var joined = await Live.UsableFeedback.JoinAsync(project, since, ct);
        if (joined.Count == 0) throw RecurException.Invalid("no logged predictions have feedback yet; post labels before retraining", "feedback");

        var columns = plan.Features.Select(f => f.Name).Append(plan.Label).ToList();
        // A time split needs its column, which need not be an input (bike-sharing splits on its key).
        var time = config.Split.Time is { } t && !columns.Contains(t) ? t : null;
        if (time is not null) columns.Add(time);
        var original = TrainingRun.Project(await project.ReadAsync(trainSnapshot, ct), columns);
        var fresh = LoggedInputs.WithLabels(joined, plan);
        if (time is not null) fresh = new DataTable([.. fresh.Columns, LoggedTimes(joined, original[time], config.Key == time)]);
        var enlarged = DataTable.Concat(original, Align(fresh, original));
        ShiftComparison? shift = null;
        if (adaptToShift) (enlarged, shift) = ShiftRetrain.Run(config, plan, manifest.Threshold, original, Align(fresh, original));
        project.Logging.CreateLogger("Recur.Pipeline.RetrainStep").RetrainStarted(config.Name, enlarged.RowCount, fresh.RowCount);
        var evaluation = evalSnapshot is null ? null : WithoutRowsOf(await project.ReadAsync(evalSnapshot, ct), fresh, columns);
        // Feedback for every evaluation row leaves none unseen: gate on the enlarged data's validation split then.
        if (evaluation is { RowCount: 0 }) evaluation = null;
        var ids = evaluation is null ? TrainingRun.Ids(trainSnapshot) : TrainingRun.Ids(trainSnapshot, evalSnapshot!);
        // A champion trained without some feature groups (--drop) is retrained without them too: its logged inputs lack them.
        var dropped = champion.Lineage.Parameters.TryGetValue("dropped_groups", out var names) && names.Length > 0
            ? names.Split(',').Where(g => config.Features.Groups.ContainsKey(g)).ToList()
            : [];
        var outcome = await TrainingRun.RunAsync(project, enlarged, evaluation, ids, dataIsFirstSnapshot: false, registerRejected: true, ct,
            dropped.Count > 0 ? new GroupOptions(dropped, Ablate: false) : null, promoteAs);
        return shift is null ? outcome : outcome with { Shift = shift };
    }

    /// <summary>
    /// <see cref="RunAsync"/> recorded as a run of kind <c>retrain</c> (<c>recur runs</c>, the progress chart): the loop's and
    /// <c>recur monitor --retrain</c>'s retrains appear beside the manual trains.
    /// </summary>
    public static async Task<TrainingOutcome> RecordedAsync(RecurProject project, DateTimeOffset? since, CancellationToken ct = default, string? promoteAs = null, bool adaptToShift = false)
    {
        var run = await Runs.RunRecorder.StartAsync(project, "retrain", [], ct: ct);
        return await Runs.RunRecorder.RecordAsync(project, run, () => RunAsync(project, since, ct, promoteAs, adaptToShift), ct);
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

    /// <summary>
    /// The split.time values of logged rows that lack the column: the prediction key when the key is the time
    /// column, else when they were logged (dates), else the latest training time (numbers): logged rows are
    /// never older than the rows the champion trained on, so they fall on the validation side of a time split.
    /// </summary>
    private static DataColumn LoggedTimes(IReadOnlyList<Core.Monitoring.LabelledPrediction> joined, DataColumn trained, bool keyIsTime)
    {
        if (trained is TextColumn) return new TextColumn(trained.Spec, joined.Select(j => (string?)(keyIsTime ? j.Prediction.Key : j.Prediction.Timestamp.ToString("o", System.Globalization.CultureInfo.InvariantCulture))).ToArray());
        var latest = ((NumericColumn)trained).Values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        return new NumericColumn(trained.Spec, joined.Select(j => !keyIsTime ? latest
            : double.TryParse(j.Prediction.Key, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
            : throw RecurException.Invalid($"feedback key '{j.Prediction.Key}' is not a number, but it is the split.time column '{trained.Name}', which is numeric", "split.time")).ToArray());
    }

    // Logged numbers come back as reals and labels as text; give them the training column's type so the
    // tables concatenate (an integer label column such as 0/1 takes the feedback's "0"/"1" as numbers).
    private static DataTable Align(DataTable fresh, DataTable like) =>
        new(like.Columns.Select(c => (fresh[c.Name], c) switch
        {
            (NumericColumn n, _) => (DataColumn)new NumericColumn(c.Spec, n.Values),
            (TextColumn t, NumericColumn) => new NumericColumn(c.Spec, t.Values.Select((v, r) => Number(v, c.Name, r)).ToArray()),
            (TextColumn t, _) => new TextColumn(c.Spec, t.Values),
            _ => throw new InvalidOperationException($"column '{c.Name}' cannot be aligned"),
        }).ToArray());

    private static double Number(string? text, string column, int row) =>
        text is null ? double.NaN
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw RecurException.Invalid($"feedback row {row + 1}: label '{text}' is not a number, but column '{column}' of the training data is numeric", column);
}

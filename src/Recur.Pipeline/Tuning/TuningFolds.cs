using Recur.Core.Data;
using Recur.Core.Hashing;
using Recur.Core.Project;
using Recur.Lake.Splitting;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Tuning;

/// <summary>One fold of the training split: the rows a trial fits on and the rows it is measured on.</summary>
/// <param name="Train">The rows fitted on.</param>
/// <param name="HeldOut">The rows measured on (never fitted on in this fold).</param>
/// <param name="TrainRows">The fold's training rows, as indices into the training split.</param>
/// <param name="HeldOutRows">The fold's held-out rows, as indices into the training split.</param>
public sealed record TuningFold(DataTable Train, DataTable HeldOut, IReadOnlyList<int> TrainRows, IReadOnlyList<int> HeldOutRows);

/// <summary>
/// Splits the training split, and only it, into the folds trials are measured on: with <c>folds: 1</c> a seeded fingerprint
/// hold-out of <c>holdout</c>; with <c>folds: K</c> K folds by a seeded fingerprint, each held out once. The fingerprint is of the
/// same key as the project's split (split.by, else the entity key, else the whole row), so one entity or one duplicated row never
/// straddles a fold's two sides; it is salted with the seed, so it does not repeat the outer split's hash (whose training rows
/// would all fall on one side).
/// </summary>
public static class TuningFolds
{
    /// <summary>The folds of <paramref name="train"/> (the training split) for the search's settings.</summary>
    public static IReadOnlyList<TuningFold> Split(ProjectConfig config, DataTable train)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(train);
        var search = config.Training.Search;
        var assigned = Assign(config, train);
        if (search.Folds == 1)
        {
            var held = (int)Math.Round(search.Holdout * FingerprintSplitter.Buckets);
            return [Fold(train, assigned, r => Fingerprint64.Bucket(r, FingerprintSplitter.Buckets) < held)];
        }
        return [.. Enumerable.Range(0, search.Folds).Select(k => Fold(train, assigned, r => Fingerprint64.Bucket(r, search.Folds) == k))];
    }

    // Each row's salted fingerprint.
    private static long[] Assign(ProjectConfig config, DataTable train)
    {
        var by = TrainingRun.SplitKey(config, train);
        var keys = FingerprintSplitter.KeysOf(train, by.Count > 0 ? by : train.Columns.Select(c => c.Name).ToList());
        var salt = $"recur-tune\u001f{config.Seed}\u001f";
        return [.. keys.Select(k => Fingerprint64.Hash(salt + k))];
    }

    private static TuningFold Fold(DataTable train, long[] fingerprints, Func<long, bool> heldOut)
    {
        var (inside, outside) = (new List<int>(), new List<int>());
        for (var r = 0; r < fingerprints.Length; r++) (heldOut(fingerprints[r]) ? outside : inside).Add(r);
        if (inside.Count == 0 || outside.Count == 0)
        {
            throw Core.RecurException.Invalid(
                $"training.search: a tuning fold of the {train.RowCount}-row training split has {inside.Count} rows to fit and {outside.Count} to measure; use fewer folds or another holdout share",
                "training.search.folds");
        }
        return new TuningFold(train.Take(inside), train.Take(outside), inside, outside);
    }
}

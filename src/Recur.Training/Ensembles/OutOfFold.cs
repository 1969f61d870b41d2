namespace Recur.Training.Ensembles;

/// <summary>
/// K-fold out-of-fold scoring: every row is scored by a model fitted on the other folds only, so a meta-learner trained
/// on those scores sees how the base learners do on rows they never trained on (as they will at serving time).
/// </summary>
public static class OutOfFold
{
    /// <summary>
    /// The fold of each of <paramref name="rows"/> rows: a seeded shuffle dealt round-robin, so fold sizes differ by at
    /// most one and the same seed gives the same folds.
    /// </summary>
    public static int[] Assign(int rows, int folds, int seed)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "out-of-fold scores need at least 2 folds");
        if (rows < folds) throw new ArgumentOutOfRangeException(nameof(rows), rows, $"{folds} folds need at least {folds} rows");
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[rows];
        for (var i = 0; i < order.Length; i++) fold[order[i]] = i % folds;
        return fold;
    }

    /// <summary>
    /// Each row's scores (<paramref name="width"/> numbers) from a fit that never saw the row's own fold.
    /// <paramref name="fitAndScore"/> fits on the first list of rows and returns one score vector per row of the second.
    /// </summary>
    public static double[][] Scores(int rows, int folds, int seed, int width, Func<IReadOnlyList<int>, IReadOnlyList<int>, double[][]> fitAndScore)
    {
        ArgumentNullException.ThrowIfNull(fitAndScore);
        var fold = Assign(rows, folds, seed);
        var scores = new double[rows][];
        for (var f = 0; f < folds; f++)
        {
            var fit = new List<int>(rows);
            var held = new List<int>(rows / folds + 1);
            for (var r = 0; r < rows; r++) (fold[r] == f ? held : fit).Add(r);
            var answer = fitAndScore(fit, held);
            if (answer.Length != held.Count) throw new InvalidOperationException($"fold {f}: {answer.Length} score rows for {held.Count} held-out rows");
            for (var i = 0; i < held.Count; i++)
            {
                if (answer[i].Length != width) throw new InvalidOperationException($"fold {f}: {answer[i].Length} scores per row, expected {width}");
                scores[held[i]] = answer[i];
            }
        }
        return scores;
    }
}

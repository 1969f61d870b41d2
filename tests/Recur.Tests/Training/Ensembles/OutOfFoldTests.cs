using Recur.Training.Ensembles;

namespace Recur.Tests.Training.Ensembles;

public sealed class OutOfFoldTests
{
    [Fact]
    public void Assign_SameSeed_SameBalancedFolds()
    {
        var a = OutOfFold.Assign(103, 5, 42);
        var b = OutOfFold.Assign(103, 5, 42);

        Assert.Equal(a, b);
        var sizes = a.GroupBy(f => f).Select(g => g.Count()).ToList();
        Assert.Equal(5, sizes.Count);
        Assert.True(sizes.Max() - sizes.Min() <= 1);
        Assert.NotEqual(a, OutOfFold.Assign(103, 5, 43));
    }

    [Fact]
    public void Scores_EveryRow_ComesFromAFitThatNeverSawItsFold()
    {
        var fold = OutOfFold.Assign(50, 4, 7);
        var fits = 0;

        // Each "model" answers, per held-out row, whether that row or any row of its fold was among its fitting rows.
        var scores = OutOfFold.Scores(50, 4, 7, 2, (fit, held) =>
        {
            fits++;
            var seen = fit.ToHashSet();
            var heldFolds = held.Select(r => fold[r]).Distinct().ToList();
            Assert.Single(heldFolds);
            Assert.Equal(50, fit.Count + held.Count);
            return [.. held.Select(r => new[] { seen.Contains(r) ? 1.0 : 0.0, fit.Count(f => fold[f] == fold[r]) })];
        });

        Assert.Equal(4, fits);
        Assert.All(scores, s => Assert.Equal([0.0, 0.0], s));
    }

    [Fact]
    public void Assign_OneFold_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OutOfFold.Assign(10, 1, 0));
    }
}

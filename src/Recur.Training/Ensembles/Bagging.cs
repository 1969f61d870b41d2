using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Features;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Training.Ensembles;

/// <summary>
/// Bagging: one trainer fitted on K seeded bootstrap samples of the training split (n rows drawn with replacement), the
/// members' probabilities (or values) averaged (<see cref="AverageComposition"/>).
/// </summary>
public static class Bagging
{
    /// <summary>The rows of bootstrap sample <paramref name="bag"/>: n draws with replacement, sorted, the same for the same seed.</summary>
    public static int[] Sample(int rows, int bag, int seed)
    {
        var random = new Random(unchecked((seed * 7919) + bag));
        var drawn = new int[rows];
        for (var i = 0; i < rows; i++) drawn[i] = random.Next(rows);
        Array.Sort(drawn);
        return drawn;
    }

    /// <summary>The bagged model (composition "average", members bag-0…bag-(K−1)); member k is fitted with seed + k.</summary>
    public static TrainedModel Fit(string name, DataTable train, FeaturePlan plan, TrainerChoice choice, int bags, int threads, double threshold, int seed, FeatureChain? chain)
    {
        if (bags < 1) throw new ArgumentOutOfRangeException(nameof(bags), bags, "bagging needs at least 1 bootstrap sample");
        var members = new List<ComposedMember>(bags);
        for (var k = 0; k < bags; k++)
        {
            var sample = train.Take(Sample(train.RowCount, k, seed));
            members.Add(new ComposedMember("bag-" + k.ToString(CultureInfo.InvariantCulture), ModelFitter.Fit(name, sample, plan, choice, threads, threshold, seed + k, chain)));
        }
        var parameters = new SortedDictionary<string, string>(choice.Settings.Describe(), StringComparer.Ordinal)
        {
            ["bags"] = bags.ToString(CultureInfo.InvariantCulture),
        };
        var manifest = new ModelManifest(ModelManifest.CurrentFormat, name, $"bagging({choice.Trainer.Name}x{bags.ToString(CultureInfo.InvariantCulture)})", plan, threshold,
            parameters, train.RowCount, seed);
        return TrainedModel.Compose(manifest, "average", members, CompositionCatalog.ToSpec(new { trainer = choice.Trainer.Name, bags }));
    }
}
